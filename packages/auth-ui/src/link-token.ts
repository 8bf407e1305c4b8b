import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/**
 * The `token` an emailed link carries (`/reset-password?token=…`). It is read once into
 * memory and taken out of the address bar straight away (a replace, so the history entry with
 * the token is gone too): it should not linger in history, bookmarks, screenshots or the
 * Referer of later requests. Reloading the page afterwards shows it without a token, and the
 * page asks the person to open the link again.
 */
export function useLinkToken(): string | null {
  const location = useLocation();
  const navigate = useNavigate();
  const [token] = useState(() => new URLSearchParams(location.search).get('token')?.trim() || null);
  const inAddress = new URLSearchParams(location.search).has('token');

  useEffect(() => {
    if (!inAddress) {
      return;
    }
    const params = new URLSearchParams(location.search);
    params.delete('token');
    const search = params.toString();
    void navigate(
      { pathname: location.pathname, search: search ? `?${search}` : '', hash: location.hash },
      { replace: true, state: location.state },
    );
  }, [inAddress, location.pathname, location.search, location.hash, location.state, navigate]);

  return token;
}
