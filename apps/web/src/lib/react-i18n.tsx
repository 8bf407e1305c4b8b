import { cloneElement, Fragment, isValidElement, type ReactElement, type ReactNode } from 'react';
import {
  I18nContext,
  interpolate,
  rawMessage,
  useTranslation,
  type I18n,
  type TranslateOptions,
} from './i18n';

/**
 * react-i18next's API over the app's own runtime (./i18n): the Vite and Jest configs resolve
 * 'react-i18next' here, so components and @portal/auth-ui keep their imports. Only what the
 * app uses is here: I18nextProvider, useTranslation() (no namespaces or key prefix) and Trans
 * with `i18nKey`, `values`, `count` and named or numbered `components`.
 */

export { useTranslation };

export function I18nextProvider({ i18n, children }: { i18n: I18n; children?: ReactNode }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export interface TransProps {
  i18nKey: string;
  values?: Record<string, unknown>;
  count?: number;
  components?: Readonly<Record<string, ReactElement>> | readonly ReactElement[];
}

/** `<name>…</name>`, `<name/>`, `<0>…</0>`. */
const TAG = /<(\/?)([\w-]+)\s*(\/?)>/g;

interface Node {
  name: string | null;
  children: (string | Node)[];
}

/** Splits a message into text and tags before interpolating, so a value is never markup. */
function parse(message: string): Node {
  const root: Node = { name: null, children: [] };
  const stack: Node[] = [root];
  let last = 0;
  for (const match of message.matchAll(TAG)) {
    const top = stack[stack.length - 1] ?? root;
    if (match.index > last) top.children.push(message.slice(last, match.index));
    last = match.index + match[0].length;
    const [, closing, name = '', selfClosing] = match;
    if (closing) {
      if (stack.length > 1 && top.name === name) stack.pop();
    } else {
      const node: Node = { name, children: [] };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    }
  }
  if (last < message.length) (stack[stack.length - 1] ?? root).children.push(message.slice(last));
  return root;
}

function render(
  node: Node,
  options: TranslateOptions,
  components: TransProps['components'],
): ReactNode[] {
  return node.children.map((child, index) => {
    if (typeof child === 'string') return interpolate(child, options);
    const element = (components as Record<string, ReactElement> | undefined)?.[child.name ?? ''];
    const inner = render(child, options, components);
    if (!isValidElement(element)) {
      return <Fragment key={index}>{inner}</Fragment>;
    }
    return cloneElement(element, { key: index }, ...(inner.length > 0 ? inner : []));
  });
}

/** A message with elements inside, e.g. "call <phone>{{phone}}</phone>". */
export function Trans({ i18nKey, values, count, components }: TransProps) {
  const { i18n } = useTranslation();
  const options: TranslateOptions = { ...values, ...(count === undefined ? {} : { count }) };
  // Parsed before interpolating; a missing key answers like t() (the key, or an error in tests).
  const message = rawMessage(i18n.language, i18nKey, count) ?? i18n.t(i18nKey);
  return <>{render(parse(message), options, components)}</>;
}
