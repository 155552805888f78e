const crypto = require('crypto');
const express = require('express');
const cookieParser = require('cookie-parser');
const { encodeState, readState, safeReturnPath } = require('./tiktok-state');

const app = express();
app.use(cookieParser());

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI; // https://app.example.com/auth/tiktok/callback

app.get('/login', (req, res) => {
  const next = req.query.next || '/';
  const csrfState = crypto.randomBytes(16).toString('hex');
  res.cookie('csrfState', csrfState, { maxAge: 60000, httpOnly: true });

  const url = `https://www.tiktok.com/v2/auth/authorize/?client_key=${CLIENT_KEY}&scope=user.info.basic&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=${encodeState(csrfState, { next, src: 'login' }, CLIENT_SECRET)}`;
  res.redirect(url);
});

app.get('/auth/tiktok/callback', async (req, res) => {
  const tiktokState = readState(req.query.state, CLIENT_SECRET);
  const { code } = req.query;
  const state = tiktokState.nonce;
  if (!state || state !== req.cookies.csrfState) {
    res.status(403).send('Invalid state');
    return;
  }
  res.clearCookie('csrfState');

  const tokenRes = await fetch(
    `https://open.tiktokapis.com/v2/oauth/token/`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_key: CLIENT_KEY,
        client_secret: CLIENT_SECRET,
        code,
        grant_type: 'authorization_code',
        redirect_uri: REDIRECT_URI,
      }),
    }
  );
  const json = await tokenRes.json();
  if (json.error) {
    res.status(400).send(json.error_description);
    return;
  }
  res.cookie('tiktok_token', json.access_token, { httpOnly: true });
  res.redirect(safeReturnPath(tiktokState.params.next, null) || '/');
});

app.listen(process.env.PORT || 3000);
