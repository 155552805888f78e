import crypto from 'crypto';
import { getIronSession } from 'iron-session';
import type { NextApiRequest, NextApiResponse } from 'next';
import { encodeState } from '../../../tiktok-state';

type AppSession = { oauthState?: string; openId?: string; accessToken?: string };

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const REDIRECT_URI = 'https://dashboard.example.com/api/auth/callback';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const session = await getIronSession<AppSession>(req, res, { password: process.env.SESSION_SECRET!, cookieName: 'dash_session' });
  const returnTo = typeof req.query.returnTo === 'string' ? req.query.returnTo : '/';
  session.oauthState = crypto.randomBytes(16).toString('hex');
  await session.save();
  const url = `https://www.tiktok.com/v2/auth/authorize/?client_key=${CLIENT_KEY}&response_type=code&scope=user.info.basic&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=${encodeState(session.oauthState, { returnTo }, process.env.SESSION_SECRET)}`;
  res.redirect(302, url);
}
