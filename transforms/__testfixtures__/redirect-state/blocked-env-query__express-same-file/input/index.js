require('dotenv').config();
const crypto = require('crypto');
const express = require('express');
const cookieParser = require('cookie-parser');

const app = express();
app.use(cookieParser());

app.get('/login', (req, res) => {
  const state = crypto.randomBytes(16).toString('hex');
  res.cookie('tt_state', state, { httpOnly: true });
  const params = new URLSearchParams({
    client_key: process.env.TIKTOK_CLIENT_KEY,
    scope: 'user.info.basic',
    response_type: 'code',
    redirect_uri: process.env.TIKTOK_REDIRECT_URI,
    state,
  });
  res.redirect('https://www.tiktok.com/auth/authorize/?' + params.toString());
});

app.get('/tiktok/callback', async (req, res) => {
  if (req.query.state !== req.cookies.tt_state) return res.sendStatus(403);
  const tokenRes = await fetch('https://open-api.tiktok.com/oauth/access_token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: process.env.TIKTOK_CLIENT_KEY,
      client_secret: process.env.TIKTOK_CLIENT_SECRET,
      code: req.query.code,
      grant_type: 'authorization_code',
    }),
  });
  const json = await tokenRes.json();
  res.cookie('tt_token', json.data.access_token, { httpOnly: true });
  res.redirect(req.query.next || '/');
});

app.listen(3000);
