import type { NextApiRequest, NextApiResponse } from 'next';
import { readState, safeReturnPath } from '../../../tiktok-state';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY!;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET!;

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const tiktokState = readState(req.query.state, CLIENT_SECRET);
  const { code } = req.query;
  const state = tiktokState.nonce;
  const returnTo = safeReturnPath(tiktokState.params.returnTo, null);
  if (typeof state !== 'string' || state !== req.cookies.tiktok_state) {
    return res.status(400).json({ error: 'Invalid state' });
  }
  const response = await fetch('https://open.tiktokapis.com/v2/oauth/token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code: String(code),
      grant_type: 'authorization_code',
    }),
  });
  const json = await response.json();
  if (json.error) {
    return res.status(400).json({ error: json.error_description });
  }
  res.setHeader('Set-Cookie', `tiktok_token=${json.access_token}; HttpOnly; Path=/; Secure`);
  res.redirect(302, typeof returnTo === 'string' ? returnTo : '/');
}
