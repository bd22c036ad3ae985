// The page a user wanted before the login page: carried in ?next=, and only ever a path of this app.
import type { Location } from 'react-router';

/**
 * `raw` when it is a path inside this app, else "/". Refuses absolute and protocol-relative URLs
 * ("https://evil", "//evil", "/\\evil") so the login page can never become an open redirect.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw?.startsWith('/')) return '/';
  if (raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  // Control characters (and the tab or newline a browser would strip) have no place in our paths.
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return '/';
  }
  if (raw === '/login' || raw.startsWith('/login?') || raw.startsWith('/login/')) return '/';
  return raw;
}

/** The login page, remembering `location` as the page to return to afterwards. */
export function loginPath(location: Pick<Location, 'pathname' | 'search'>): string {
  const here = safeNext(`${location.pathname}${location.search}`);
  return here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`;
}
