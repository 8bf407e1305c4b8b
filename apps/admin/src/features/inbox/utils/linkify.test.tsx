import { render } from '@testing-library/react';
import { linkify, safeHref, splitLinks } from './linkify';

describe('linkify', () => {
  it('turns web addresses into links and leaves the rest as text', () => {
    expect(splitLinks('See https://example.org/care?x=1 today.')).toEqual([
      { text: 'See ' },
      { text: 'https://example.org/care?x=1', href: 'https://example.org/care?x=1' },
      { text: ' today.' },
    ]);
  });

  it('links www. addresses over https', () => {
    expect(splitLinks('www.clinic.example/forms')).toEqual([
      { text: 'www.clinic.example/forms', href: 'https://www.clinic.example/forms' },
    ]);
  });

  it('leaves sentence punctuation and an unopened bracket out of the link', () => {
    expect(splitLinks('(see https://example.org/a).')).toEqual([
      { text: '(see ' },
      { text: 'https://example.org/a', href: 'https://example.org/a' },
      { text: ').' },
    ]);
    expect(splitLinks('https://en.example.org/wiki/Tea_(drink)')[0]).toEqual({
      text: 'https://en.example.org/wiki/Tea_(drink)',
      href: 'https://en.example.org/wiki/Tea_(drink)',
    });
  });

  it('never links other schemes', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(splitLinks('javascript:alert(1) data:text/html,hi')).toEqual([
      { text: 'javascript:alert(1) data:text/html,hi' },
    ]);
  });

  it('renders markup in a message as text, never as HTML', () => {
    const { container } = render(
      <p>{linkify('<img src=x onerror=alert(1)> <b>bold</b> https://example.org')}</p>,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe(
      '<img src=x onerror=alert(1)> <b>bold</b> https://example.org',
    );
    const link = container.querySelector('a');
    expect(link).toHaveAttribute('href', 'https://example.org/');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(link).toHaveAttribute('target', '_blank');
  });
});
