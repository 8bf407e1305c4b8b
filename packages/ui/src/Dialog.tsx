import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

export interface DialogProps {
  /** The dialog is shown only while this is true. */
  open: boolean;
  title: string;
  /** Main message; it becomes the dialog's accessible description. */
  description: ReactNode;
  /** The buttons. The first one (or the one marked `data-autofocus`) gets focus on open. */
  actions: ReactNode;
  /**
   * `alertdialog` for messages that need an answer now (a session about to end); `dialog`
   * otherwise.
   */
  role?: 'dialog' | 'alertdialog';
  /** Escape key. An alert dialog should map it to its safest choice. */
  onEscape: () => void;
  children?: ReactNode;
}

/**
 * A modal dialog: everything behind it is inert, Tab and Shift+Tab cycle inside it, Escape
 * calls onEscape, and focus returns to where it was when the dialog closes.
 */
export function Dialog(props: DialogProps) {
  if (!props.open || typeof document === 'undefined') {
    return null;
  }
  return createPortal(<OpenDialog {...props} />, document.body);
}

function OpenDialog({
  title,
  description,
  actions,
  role = 'dialog',
  onEscape,
  children,
}: DialogProps) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    const host = dialog?.closest('.ui-dialog-backdrop');
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // Everything else on the page (the app root, other portals) stops taking focus and clicks.
    const madeInert: Element[] = [];
    for (const sibling of Array.from(document.body.children)) {
      if (sibling !== host && !sibling.hasAttribute('inert')) {
        sibling.setAttribute('inert', '');
        madeInert.push(sibling);
      }
    }
    const first =
      dialog?.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? dialog)?.focus();

    return () => {
      for (const element of madeInert) {
        element.removeAttribute('inert');
      }
      if (previous?.isConnected) {
        previous.focus();
      }
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onEscape();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) {
      return;
    }
    const focusable = Array.from(ref.current.querySelectorAll<HTMLElement>(FOCUSABLE));
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="ui-dialog-backdrop">
      <div
        ref={ref}
        className="ui-dialog"
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <h2 className="ui-dialog__title" id={titleId}>
          {title}
        </h2>
        <div className="ui-dialog__body" id={descriptionId}>
          {description}
        </div>
        {children}
        <div className="ui-actions">{actions}</div>
      </div>
    </div>
  );
}
