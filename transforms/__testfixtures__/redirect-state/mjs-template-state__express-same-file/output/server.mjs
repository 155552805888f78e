import crypto from 'node:crypto';
import express from 'express';
import session from 'express-session';
import { encodeState, readState, safeReturnPath } from './tiktok-state.mjs';

const { TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET, APP_ORIGIN = 'https://mjs.example.com' } = process.env;

const app = express();
app.use(session({ secret: TIKTOK_CLIENT_SECRET, resave: false, saveUninitialized: true }));

app.get('/login', (req, res) => {
  req.session.state = crypto.randomUUID();
  const redirect = `${APP_ORIGIN}/tiktok/callback`;
  res.redirect(`https://www.tiktok.com/v2/auth/authorize/?client_key=${TIKTOK_CLIENT_KEY}&response_type=code&scope=user.info.basic&redirect_uri=${encodeURIComponent(redirect)}&state=${encodeState(req.session.state, { returnTo: req.query.returnTo ?? '/', lang: req.acceptsLanguages('en', 'fr') || 'en' }, TIKTOK_CLIENT_SECRET)}`);
});

app.get('/tiktok/callback', async (req, res) => {
  const tiktokState = readState(req.query.state, TIKTOK_CLIENT_SECRET);
  const { code } = req.query;
  const state = tiktokState.nonce;
  const returnTo = safeReturnPath(tiktokState.params.returnTo, '/');
  const lang = tiktokState.params.lang;
  if (state !== req.session.state) return res.status(403).send('Forbidden');
  const tokenRes = await fetch('https://open.tiktokapis.com/v2/oauth/token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_key: TIKTOK_CLIENT_KEY, client_secret: TIKTOK_CLIENT_SECRET, code, grant_type: 'authorization_code' }),
  });
  const json = await tokenRes.json();
  req.session.token = json.access_token;
  req.session.lang = lang;
  res.redirect(returnTo);
});

app.listen(3000);
