import { render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import account from '../locales/en/account.json';
import appointments from '../locales/en/appointments.json';
import healthRecord from '../locales/en/health-record.json';
import medicationsBundle from '../locales/en/medications.json';
import messagesBundle from '../locales/en/messages.json';
import home from '../locales/en/home.json';
import idle from '../locales/en/idle.json';
import newPassword from '../locales/en/new-password.json';
import recovery from '../locales/en/recovery.json';
import registration from '../locales/en/registration.json';
import shell from '../locales/en/shell.json';
import signIn from '../locales/en/sign-in.json';
import testResults from '../locales/en/test-results.json';
import {
  BUNDLE_OF,
  createI18n,
  detectLanguage,
  isLoaded,
  LANGUAGE_STORAGE_KEY,
  loadMessages,
  pickLanguage,
} from './i18n';
import { I18nextProvider, Trans } from './react-i18n';

describe('pickLanguage', () => {
  it('matches a regional variant to its base language', () => {
    expect(pickLanguage(['en-AU'])).toBe('en');
  });

  it('falls back to English when nothing matches', () => {
    expect(pickLanguage(['xx', undefined, null])).toBe('en');
  });
});

describe('detectLanguage', () => {
  it('reads the stored preference', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en-GB');
    expect(detectLanguage()).toBe('en');
  });

  it('still answers when storage is blocked', () => {
    const getItem = jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    expect(detectLanguage()).toBe('en');
    getItem.mockRestore();
  });
});

describe('createI18n', () => {
  it('is ready at once and sets the page language', () => {
    const i18n = createI18n('en');
    expect(i18n.t('nav.home')).toBe('Home');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('messages', () => {
  it('interpolates values and picks the plural form with Intl.PluralRules', () => {
    const i18n = createI18n('en');
    expect(i18n.t('header.signedInAs', { name: 'Ana Silva' })).toBe('Signed in as Ana Silva');
    return loadMessages('home').then(() => {
      expect(i18n.t('home.results.body', { count: 1 })).toBe('You have 1 new test result.');
      expect(i18n.t('home.results.body', { count: 3 })).toBe('You have 3 new test results.');
      expect(i18n.t('home.results.body', { count: 0 })).toBe('You have 0 new test results.');
    });
  });

  it('answers an unknown key with the key itself, as i18next does', () => {
    expect(createI18n('en').t('nav.noSuchEntry')).toBe('nav.noSuchEntry');
  });

  it('refuses, outside production, a key whose bundle the route did not load', () => {
    const i18n = createI18n('en');
    expect(isLoaded('health-record')).toBe(false);
    expect(() => i18n.t('healthRecord.title')).toThrow(/"health-record" messages/);
  });

  it('shows a bundle once it is loaded, and re-renders the components that read it', async () => {
    const i18n = createI18n('en');
    const listener = jest.fn();
    const unsubscribe = i18n.subscribe(listener);
    await loadMessages('test-results');
    unsubscribe();
    expect(isLoaded('test-results')).toBe(true);
    expect(listener).toHaveBeenCalled();
    expect(i18n.t('testResults.title')).not.toBe('testResults.title');
  });

  it('keeps each first key segment in exactly one bundle, the one BUNDLE_OF names', () => {
    const files: Record<string, object> = {
      home,
      idle,
      'sign-in': signIn,
      recovery,
      'new-password': newPassword,
      registration,
      account,
      appointments,
      'test-results': testResults,
      'health-record': healthRecord,
      messages: messagesBundle,
      medications: medicationsBundle,
    };
    const fromFiles = Object.fromEntries(
      Object.entries(files).flatMap(([bundle, tree]) => Object.keys(tree).map((k) => [k, bundle])),
    );
    expect(fromFiles).toEqual(BUNDLE_OF);
    for (const key of Object.keys(shell)) {
      expect(BUNDLE_OF[key]).toBeUndefined();
    }
  });

  it('uses only the syntax this runtime reads: {{name}}, plural suffixes and element tags', () => {
    const messages: string[] = [];
    const walk = (tree: object) => {
      for (const value of Object.values(tree)) {
        if (typeof value === 'string') messages.push(value);
        else walk(value as object);
      }
    };
    for (const tree of [shell, home, idle, signIn, recovery, newPassword, registration]) {
      walk(tree);
    }
    for (const tree of [account, appointments, testResults, healthRecord]) walk(tree);
    for (const message of messages) {
      // No nesting ($t(…)), formats ({{value, number}}) or contexts, which i18next would read.
      expect(message).not.toMatch(/\$t\(|\{\{[^}]*[,(][^}]*\}\}/);
      expect(message.replace(/\{\{\s*[\w.]+\s*\}\}/g, '')).not.toMatch(/\{\{|\}\}/);
    }
  });
});

describe('Trans', () => {
  function renderTrans(ui: ReactElement) {
    return render(<I18nextProvider i18n={createI18n('en')}>{ui}</I18nextProvider>);
  }

  it('puts the named elements around their text, with the plural form and values', async () => {
    await loadMessages('appointments');
    const { container } = renderTrans(
      <Trans
        i18nKey="appointments.cutoff.body"
        count={2}
        values={{ location: 'Main Street Clinic', phone: '+1 555 0100' }}
        components={{ phone: <a href="tel:+15550100" /> }}
      />,
    );
    expect(container).toHaveTextContent(
      'It is less than 2 hours before your visit, so it can’t be changed online. Please call Main Street Clinic at +1 555 0100.',
    );
    expect(screen.getByRole('link', { name: '+1 555 0100' })).toHaveAttribute(
      'href',
      'tel:+15550100',
    );
  });

  it('never reads markup out of a value', async () => {
    await loadMessages('appointments');
    const { container } = renderTrans(
      <Trans
        i18nKey="appointments.outcome.undoCall"
        values={{ location: '<b>Clinic</b>', phone: '<phone>x</phone>' }}
        components={{ phone: <a href="tel:1" /> }}
      />,
    );
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByRole('link')).toHaveTextContent('<phone>x</phone>');
    expect(container).toHaveTextContent('<b>Clinic</b>');
  });
});
