import { formattingLocale } from '@portal/ui';
import type accountMessages from '../locales/en/account.json';
import type appointmentsMessages from '../locales/en/appointments.json';
import type healthRecordMessages from '../locales/en/health-record.json';
import type homeMessages from '../locales/en/home.json';
import type idleMessages from '../locales/en/idle.json';
import type medicationsMessages from '../locales/en/medications.json';
import type messagesMessages from '../locales/en/messages.json';
import type newPasswordMessages from '../locales/en/new-password.json';
import type recoveryMessages from '../locales/en/recovery.json';
import type registrationMessages from '../locales/en/registration.json';
import enShell from '../locales/en/shell.json';
import type signInMessages from '../locales/en/sign-in.json';
import type testResultsMessages from '../locales/en/test-results.json';
import { createContext, useContext, useSyncExternalStore } from 'react';

/**
 * The patient app's translations: a small runtime in i18next's message format (same keys,
 * `{{name}}` interpolation, `_one`/`_other` plural suffixes chosen by Intl.PluralRules), with
 * the messages split into bundles that load with the routes that need them. Components keep
 * importing `useTranslation` and `Trans` from 'react-i18next': the Vite and Jest configs point
 * that name at ./react-i18n, so i18next itself never reaches the browser (its types still
 * check the keys, see i18next.d.ts).
 */

export const FALLBACK_LANGUAGE = 'en';
/** Languages with complete resources. Add one here with its files in src/locales/<lang>/. */
export const SUPPORTED_LANGUAGES = ['en'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** Where the language the person chose is kept (the account settings will write it). */
export const LANGUAGE_STORAGE_KEY = 'portal.language';

/** Every English message, for the compile-time key check (i18next.d.ts). */
export type Messages = typeof enShell &
  typeof homeMessages &
  typeof idleMessages &
  typeof signInMessages &
  typeof recoveryMessages &
  typeof newPasswordMessages &
  typeof registrationMessages &
  typeof accountMessages &
  typeof appointmentsMessages &
  typeof testResultsMessages &
  typeof healthRecordMessages &
  typeof messagesMessages &
  typeof medicationsMessages;

type MessageTree = { readonly [key: string]: string | MessageTree };
type BundleModule = { default: MessageTree };

/**
 * The bundles beside the shell's, loaded on demand. Each file's top-level keys are the first
 * segment of its message keys (`home.title` lives in home.json); a key's first segment is in
 * exactly one file (i18n.test.ts checks it against BUNDLE_OF).
 */
const LOADERS = {
  en: {
    home: () => import('../locales/en/home.json'),
    idle: () => import('../locales/en/idle.json'),
    'sign-in': () => import('../locales/en/sign-in.json'),
    recovery: () => import('../locales/en/recovery.json'),
    'new-password': () => import('../locales/en/new-password.json'),
    registration: () => import('../locales/en/registration.json'),
    account: () => import('../locales/en/account.json'),
    appointments: () => import('../locales/en/appointments.json'),
    'test-results': () => import('../locales/en/test-results.json'),
    'health-record': () => import('../locales/en/health-record.json'),
    messages: () => import('../locales/en/messages.json'),
    medications: () => import('../locales/en/medications.json'),
  },
} satisfies Record<SupportedLanguage, Record<string, () => Promise<BundleModule>>>;

export type MessageBundle = keyof (typeof LOADERS)['en'];

/** The first segment of every key that is not in the shell bundle, and the bundle it is in. */
export const BUNDLE_OF: Readonly<Record<string, MessageBundle>> = {
  home: 'home',
  idle: 'idle',
  signIn: 'sign-in',
  verify: 'sign-in',
  links: 'sign-in',
  forgotPassword: 'recovery',
  forgotUsername: 'recovery',
  resetPassword: 'recovery',
  unlock: 'recovery',
  newPassword: 'new-password',
  registration: 'registration',
  account: 'account',
  accessLog: 'account',
  appointments: 'appointments',
  testResults: 'test-results',
  healthRecord: 'health-record',
  messages: 'messages',
  medications: 'medications',
};

/** The shell's messages (frame, menu, errors, sign-out) ship with the first download. */
const SHELL: Record<SupportedLanguage, MessageTree> = { en: enShell };

/** Messages loaded so far, per language: one tree, merged bundle by bundle. */
const messages = new Map<string, Record<string, string | MessageTree>>();
const loaded = new Map<string, Set<MessageBundle>>();
const pending = new Map<string, Promise<void>>();
const instances = new Set<I18n>();
/** The language the newest instance shows: the one route loaders fetch bundles for. */
let activeLanguage: SupportedLanguage = FALLBACK_LANGUAGE;

function treeOf(language: SupportedLanguage) {
  let tree = messages.get(language);
  if (!tree) {
    tree = { ...SHELL[language] };
    messages.set(language, tree);
    loaded.set(language, new Set());
  }
  return tree;
}

function loadBundle(language: SupportedLanguage, bundle: MessageBundle): Promise<void> {
  const id = `${language}/${bundle}`;
  let promise = pending.get(id);
  if (!promise) {
    promise = LOADERS[language][bundle]().then(
      (module) => {
        Object.assign(treeOf(language), module.default);
        loaded.get(language)?.add(bundle);
        for (const instance of instances) instance.notify();
      },
      (error: unknown) => {
        pending.delete(id); // a failed download can be tried again on the next navigation
        throw error;
      },
    );
    pending.set(id, promise);
  }
  return promise;
}

/**
 * Loads the named bundles for the interface language (route modules call it beside their
 * component's import, so a page renders with its words already there).
 */
export async function loadMessages(...bundles: MessageBundle[]): Promise<void> {
  await Promise.all(bundles.map((bundle) => loadBundle(activeLanguage, bundle)));
}

/** Whether a bundle is in memory (the route table uses it to skip a needless await). */
export function isLoaded(bundle: MessageBundle, language: string = activeLanguage): boolean {
  return loaded.get(language)?.has(bundle) ?? false;
}

export type TranslateOptions = { count?: number } & Record<string, unknown>;

const INTERPOLATION = /\{\{\s*([\w.]+)\s*\}\}/g;

/** `{{name}}` replaced by the option's value; React escapes what it renders. */
export function interpolate(text: string, options: TranslateOptions = {}): string {
  return text.replace(INTERPOLATION, (_match, name: string) => {
    const value = options[name];
    return value === undefined || value === null ? '' : String(value as string | number);
  });
}

function lookup(tree: MessageTree, key: string): string | MessageTree | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

const pluralRules = new Map<string, Intl.PluralRules>();
function pluralCategory(language: string, count: number): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

/** What a key says untranslated: the message, with the plural form for `count` if any. */
export function rawMessage(language: string, key: string, count?: number): string | undefined {
  const tree = messages.get(language) ?? SHELL[language as SupportedLanguage];
  if (!tree) return undefined;
  if (typeof count === 'number') {
    const plural =
      lookup(tree, `${key}_${pluralCategory(language, count)}`) ?? lookup(tree, `${key}_other`);
    if (typeof plural === 'string') return plural;
  }
  const message = lookup(tree, key);
  return typeof message === 'string' ? message : undefined;
}

type Listener = () => void;

/** The subset of i18next's instance the app uses, with the same meaning. */
export interface I18n {
  /** The interface language. */
  readonly language: SupportedLanguage;
  readonly resolvedLanguage: SupportedLanguage;
  t(key: string, options?: TranslateOptions): string;
  changeLanguage(language: string): Promise<void>;
  /** For useTranslation: called when a language or bundle arrives. */
  subscribe(listener: Listener): () => void;
  /** Changes each time a language or bundle arrives, so components read the new words. */
  readonly revision: number;
  notify(): void;
}

/** Replaced by the build (Vite defines it; Jest runs on Node), so production drops the check. */
declare const process: { env: { NODE_ENV?: string } };

function missing(language: string, key: string): string {
  if (process.env.NODE_ENV !== 'production') {
    const bundle = BUNDLE_OF[key.split('.')[0] ?? ''];
    if (bundle && !isLoaded(bundle, language)) {
      // A route that shows this key must load its bundle (routes.tsx): fail loudly in
      // development and tests rather than show a key to a patient.
      throw new Error(`"${key}" is in the "${bundle}" messages, which this route did not load`);
    }
  }
  return key;
}

/** A ready-to-use instance; the shell's messages are bundled, so it is ready synchronously. */
export function createI18n(language: string = detectLanguage()): I18n {
  const listeners = new Set<Listener>();
  let current = pickLanguage([language]);
  let revision = 0;
  const showLanguage = () => {
    activeLanguage = current;
    treeOf(current);
    // Screen readers pick their voice from <html lang>.
    if (globalThis.document) {
      document.documentElement.lang = current;
    }
  };
  const instance: I18n = {
    get language() {
      return current;
    },
    get resolvedLanguage() {
      return current;
    },
    get revision() {
      return revision;
    },
    t(key, options) {
      const message = rawMessage(current, key, options?.count);
      return message === undefined ? missing(current, key) : interpolate(message, options);
    },
    async changeLanguage(next) {
      const previous = loaded.get(current) ?? new Set<MessageBundle>();
      current = pickLanguage([next]);
      showLanguage();
      await Promise.all([...previous].map((bundle) => loadBundle(current, bundle)));
      instance.notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    notify() {
      revision += 1;
      for (const listener of listeners) listener();
    },
  };
  instances.add(instance);
  showLanguage();
  return instance;
}

function isSupported(language: string): language is SupportedLanguage {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(language);
}

/** The first candidate we have resources for, matching `es-MX` to `es`; else the fallback. */
export function pickLanguage(
  candidates: readonly (string | null | undefined)[],
): SupportedLanguage {
  for (const candidate of candidates) {
    if (!candidate) {
      continue;
    }
    const lower = candidate.toLowerCase();
    if (isSupported(lower)) {
      return lower;
    }
    const base = lower.split('-')[0] ?? '';
    if (isSupported(base)) {
      return base;
    }
  }
  return FALLBACK_LANGUAGE;
}

function storedPreference(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    // Storage can be blocked (private modes, strict settings); the browser language still works.
    return null;
  }
}

function browserLanguages(): readonly string[] {
  const nav = globalThis.navigator;
  if (!nav) {
    return [];
  }
  return nav.languages?.length ? nav.languages : [nav.language];
}

/** Stored preference first, then the browser's languages, then English. */
export function detectLanguage(): SupportedLanguage {
  return pickLanguage([storedPreference(), ...browserLanguages()]);
}

/** The instance I18nextProvider (./react-i18n) gives the components below it. */
export const I18nContext = createContext<I18n | null>(null);
/** Without a provider, like react-i18next's global instance: one made on first use. */
let fallbackInstance: I18n | undefined;

/** react-i18next's useTranslation(): `t` and the instance, re-rendering when words arrive. */
export function useTranslation() {
  const i18n = useContext(I18nContext) ?? (fallbackInstance ??= createI18n());
  useSyncExternalStore(
    i18n.subscribe,
    () => i18n.revision,
    () => i18n.revision,
  );
  return { t: i18n.t, i18n, ready: true as const };
}

/** The locale Intl should format with for the current interface language. */
export function useFormatLocale(): string {
  const { i18n } = useTranslation();
  return formattingLocale(i18n.resolvedLanguage, browserLanguages());
}
