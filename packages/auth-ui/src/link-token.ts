import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** `#token=…` (what the portal's emails carry), else the older `?token=…`. */
function tokenIn(search: string, hash: string): string | null {
  const fromFragment = new URLSearchParams(hash.replace(/^#/, '')).get('token')?.trim();
  const fromQuery = new URLSearchParams(search).get('token')?.trim();
  return fromFragment || fromQuery || null;
}

/**
 * The `token` an emailed link carries (`/reset-password#token=…`). Emails put it in the URL
 * fragment, which browsers never send: no server, proxy or CDN log holds it. A `?token=` (links
 * mailed before the fragment) is still read, so those work until they expire. Either way it is
 * read once into memory and taken out of the address bar straight away (a replace, so the
 * history entry with the token is gone too): it should not linger in history, bookmarks,
 * screenshots or the Referer of later requests. Reloading the page afterwards shows it without
 * a token, and the page asks the person to open the link again.
 */
export function useLinkToken(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => tokenIn(location.search, location.hash));
  const inAddress =
    new URLSearchParams(location.search).has('token') ||
    new URLSearchParams(location.hash.replace(/^#/, '')).has('token');

  useEffect(() => {
    if (!inAddress) {
      return;
    }
    const params = new URLSearchParams(location.search);
    params.delete('token');
    const search = params.toString();
    const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
    fragment.delete('token');
    const hash = fragment.toString();
    void navigate(
      {
        pathname: location.pathname,
        search: search ? `?${search}` : '',
        hash: hash ? `#${hash}` : '',
      },
      { replace: true, state: location.state },
    );
  }, [inAddress, location.pathname, location.search, location.hash, location.state, navigate]);

  return token;
}
