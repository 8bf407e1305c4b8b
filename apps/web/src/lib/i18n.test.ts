import { createI18n, detectLanguage, LANGUAGE_STORAGE_KEY, pickLanguage } from './i18n';

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
