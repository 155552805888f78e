const crypto = require('crypto');
const express = require('express');
const session = require('express-session');
const fetch = require('node-fetch');
const config = require('./config');
const { encodeState, readState } = require('./tiktok-state');

const app = express();
app.use(session({ secret: config.sessionSecret, resave: false, saveUninitialized: false }));

app.get('/auth/tiktok', (req, res) => {
  req.session.state = crypto.randomBytes(24).toString('base64url');
  const url = `https://www.tiktok.com/v2/auth/authorize/?client_key=${config.tiktok.clientKey}` +
    `&scope=${config.tiktok.scope}&response_type=code` +
    `&redirect_uri=${encodeURIComponent(config.tiktok.redirectUri)}&state=${encodeState(req.session.state, { source: 'web', lang: 'en' }, config.tiktok.clientSecret)}`;
  res.redirect(url);
});

app.get('/auth/tiktok/callback', async (req, res) => {
  const tiktokState = readState(req.query.state, config.tiktok.clientSecret);
  const { code } = req.query;
  const state = tiktokState.nonce;
  const source = tiktokState.params.source;
  const lang = tiktokState.params.lang;
  if (state !== req.session.state) return res.sendStatus(403);
  const r = await fetch(`https://open.tiktokapis.com/v2/oauth/token/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: config.tiktok.clientKey,
      client_secret: config.tiktok.clientSecret,
      code,
      grant_type: 'authorization_code',
      redirect_uri: config.tiktok.redirectUri,
    }),
  });
  const data = await r.json();
  req.session.user = { openId: data.open_id, token: data.access_token, source, lang };
  res.redirect('/');
});

app.listen(config.port);
