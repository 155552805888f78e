import type { NextApiRequest, NextApiResponse } from 'next';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY!;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET!;

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const { code, state, returnTo } = req.query;
  if (typeof state !== 'string' || state !== req.cookies.tiktok_state) {
    return res.status(400).json({ error: 'Invalid state' });
  }
  const response = await fetch('https://open-api.tiktok.com/oauth/access_token/', {
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
  if (json.data.error_code) {
    return res.status(400).json({ error: json.data.description });
  }
  res.setHeader('Set-Cookie', `tiktok_token=${json.data.access_token}; HttpOnly; Path=/; Secure`);
  res.redirect(302, typeof returnTo === 'string' ? returnTo : '/');
}
