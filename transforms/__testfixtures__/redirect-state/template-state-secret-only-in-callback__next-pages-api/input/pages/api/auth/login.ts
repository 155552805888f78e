import crypto from 'crypto';
import type { NextApiRequest, NextApiResponse } from 'next';
import { setStateCookie } from '../../../lib/session';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const REDIRECT_URI = `${process.env.NEXT_PUBLIC_APP_URL}/api/auth/callback`;

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const returnTo = typeof req.query.returnTo === 'string' ? req.query.returnTo : '/';
  const state = crypto.randomBytes(16).toString('hex');
  setStateCookie(res, state);
  const url = `https://www.tiktok.com/auth/authorize/?client_key=${CLIENT_KEY}&response_type=code&scope=user.info.basic&redirect_uri=${encodeURIComponent(`${REDIRECT_URI}?returnTo=${encodeURIComponent(returnTo)}`)}&state=${state}`;
  res.redirect(302, url);
}
