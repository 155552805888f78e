// Host and path only: the scheme is picked per environment below.
const TIKTOK_AUTHORIZE = 'www.tiktok.com/auth/authorize/';

export function authorizeUrl(secure: boolean, query: string): string {
  const scheme = secure ? 'https' : 'http';
  return `${scheme}://${TIKTOK_AUTHORIZE}?${query}`;
}
