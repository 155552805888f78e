import { getIronSession } from 'iron-session';
import type { NextApiRequest, NextApiResponse } from 'next';
import { readState, safeReturnPath } from '../../../tiktok-state';

type AppSession = { oauthState?: string; openId?: string; accessToken?: string };

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY!;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET!;

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getIronSession<AppSession>(req, res, { password: process.env.SESSION_SECRET!, cookieName: 'dash_session' });
  const tiktokState = readState(req.query.state, process.env.SESSION_SECRET);
  const { code } = req.query;
  const state = tiktokState.nonce;
  const returnTo = safeReturnPath(tiktokState.params.returnTo, null);
  if (!state || state !== session.oauthState) {
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
  session.openId = json.open_id;
  session.accessToken = json.access_token;
  delete session.oauthState;
  await session.save();
  res.redirect(302, typeof returnTo === 'string' ? returnTo : '/');
}
