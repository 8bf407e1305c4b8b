import { formattingLocale } from '@portal/ui';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from '../locales/en.json';

export const FALLBACK_LANGUAGE = 'en';
/** Languages with complete resources. Add one here with its file in src/locales/. */
export const SUPPORTED_LANGUAGES = ['en'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** Where the language the person chose is kept (the account settings will write it). */
export const LANGUAGE_STORAGE_KEY = 'portal.language';

export const resources = {
  en: { translation: en },
} as const;

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

/** A ready-to-use i18next instance; resources are bundled, so it is ready synchronously. */
export function createI18n(language: string = detectLanguage()): I18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (lng) => {
    // Screen readers pick their voice from <html lang>.
    if (globalThis.document) {
      document.documentElement.lang = lng;
    }
  });
  void instance.use(initReactI18next).init({
    lng: pickLanguage([language]),
    fallbackLng: FALLBACK_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    resources,
    initAsync: false,
    // React already escapes text it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/** The locale Intl should format with for the current interface language. */
export function useFormatLocale(): string {
  const { i18n } = useTranslation();
  return formattingLocale(i18n.resolvedLanguage ?? FALLBACK_LANGUAGE, browserLanguages());
}
