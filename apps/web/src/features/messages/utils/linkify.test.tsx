import { render, screen } from '@testing-library/react';
import { linkify } from './linkify';

function show(text: string) {
  return render(<p data-testid="body">{linkify(text, '(opens in a new tab)')}</p>);
}

describe('linkify', () => {
  it('turns http and https addresses into safe links and keeps the rest as text', () => {
    show('See https://example.org/guide?a=1&b=2. Or http://clinic.example/forms, thanks!');
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://example.org/guide?a=1&b=2',
      'http://clinic.example/forms',
    ]);
    for (const link of links) {
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAccessibleName(expect.stringContaining('(opens in a new tab)'));
    }
    expect(screen.getByTestId('body')).toHaveTextContent(
      'See https://example.org/guide?a=1&b=2 (opens in a new tab). Or http://clinic.example/forms (opens in a new tab), thanks!',
    );
  });

  it('keeps a bracket the address opened, and drops the one around it', () => {
    show('(read https://en.example.org/wiki/Flu_(disease))');
    expect(screen.getByRole('link')).toHaveAttribute(
      'href',
      'https://en.example.org/wiki/Flu_(disease)',
    );
  });

  it('never renders HTML: markup in the text stays text', () => {
    const { container } = show(
      '<script>alert(1)</script><img src=x onerror=alert(2)> <a href="javascript:alert(3)">x</a>',
    );
    expect(container.querySelector('script, img')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByTestId('body')).toHaveTextContent(
      '<script>alert(1)</script><img src=x onerror=alert(2)> <a href="javascript:alert(3)">x</a>',
    );
  });

  it('links nothing but http and https', () => {
    show('javascript:alert(1) data:text/html,hi ftp://files.example mailto:a@b.example');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('does not let an address carry markup with it', () => {
    const { container } = show('https://example.org/"><script>alert(1)</script>');
    expect(container.querySelector('script')).toBeNull();
    expect(screen.getByRole('link')).toHaveAttribute('href', 'https://example.org/');
  });
});
