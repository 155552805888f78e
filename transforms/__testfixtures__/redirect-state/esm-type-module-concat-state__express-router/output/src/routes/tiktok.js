import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { PUBLIC_URL, TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET } from '../config.js';
import { encodeState, readState } from './tiktok-state.js';

export const tiktokRouter = Router();

tiktokRouter.get('/connect', (req, res) => {
  const state = randomBytes(16).toString('hex');
  res.cookie('tt_state', state, { httpOnly: true, sameSite: 'lax' });
  const redirectUri = PUBLIC_URL + '/integrations/tiktok/callback';
  res.redirect('https://www.tiktok.com/v2/auth/authorize/?client_key=' + TIKTOK_CLIENT_KEY +
    '&scope=user.info.basic,video.list&response_type=code' +
    '&redirect_uri=' + encodeURIComponent(redirectUri) +
    '&state=' + encodeState(state, { channel: req.query.channel }, TIKTOK_CLIENT_SECRET));
});

tiktokRouter.get('/callback', async (req, res) => {
  const tiktokState = readState(req.query.state, TIKTOK_CLIENT_SECRET);
  if (tiktokState.nonce !== req.cookies.tt_state) {
    return res.status(403).json({ error: 'state_mismatch' });
  }
  const tokenRes = await fetch('https://open.tiktokapis.com/v2/oauth/token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: TIKTOK_CLIENT_KEY,
      client_secret: TIKTOK_CLIENT_SECRET,
      code: req.query.code,
      grant_type: 'authorization_code',
    }),
  });
  const json = await tokenRes.json();
  res.json({ channel: tiktokState.params.channel, openId: json.open_id });
});
