import { useEffect, useRef } from 'react';

export interface ScheduleShortcutHandlers {
  previous: () => void;
  next: () => void;
  today: () => void;
  day: () => void;
  week: () => void;
}

/** True when a key press is typing into something, where letters must stay letters. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * "[" and "]" for the previous and next day or week, "t" for today, "d" and "w" for the day and
 * week views. Not inside fields, not with modifier keys, not while a dialog is open.
 */
export function useScheduleShortcuts(handlers: ScheduleShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (isTyping(event.target) || document.querySelector('[aria-modal="true"]')) return;
      const actions: Record<string, (() => void) | undefined> = {
        '[': latest.current.previous,
        ']': latest.current.next,
        t: latest.current.today,
        d: latest.current.day,
        w: latest.current.week,
      };
      const action = actions[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
