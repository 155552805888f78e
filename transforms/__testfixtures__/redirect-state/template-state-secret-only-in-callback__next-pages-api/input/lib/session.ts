import { serialize } from 'cookie';
import type { NextApiResponse } from 'next';

export function setStateCookie(res: NextApiResponse, value: string) {
  res.setHeader('Set-Cookie', serialize('tiktok_state', value, { httpOnly: true, secure: true, sameSite: 'lax', path: '/', maxAge: 600 }));
}
