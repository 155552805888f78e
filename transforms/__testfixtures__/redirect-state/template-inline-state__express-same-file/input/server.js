const crypto = require('crypto');
const express = require('express');
const cookieParser = require('cookie-parser');

const app = express();
app.use(cookieParser());

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI; // https://app.example.com/auth/tiktok/callback

app.get('/login', (req, res) => {
  const next = req.query.next || '/';
  const csrfState = crypto.randomBytes(16).toString('hex');
  res.cookie('csrfState', csrfState, { maxAge: 60000, httpOnly: true });

  const url = `https://www.tiktok.com/auth/authorize/?client_key=${CLIENT_KEY}&scope=user.info.basic&response_type=code&redirect_uri=${encodeURIComponent(`${REDIRECT_URI}?next=${encodeURIComponent(next)}&src=login`)}&state=${csrfState}`;
  res.redirect(url);
});

app.get('/auth/tiktok/callback', async (req, res) => {
  const { code, state } = req.query;
  if (!state || state !== req.cookies.csrfState) {
    res.status(403).send('Invalid state');
    return;
  }
  res.clearCookie('csrfState');

  const tokenRes = await fetch(
    `https://open-api.tiktok.com/oauth/access_token/?client_key=${CLIENT_KEY}&client_secret=${CLIENT_SECRET}&code=${code}&grant_type=authorization_code`,
    { method: 'POST' }
  );
  const json = await tokenRes.json();
  if (json.message === 'error') {
    res.status(400).send(json.data.description);
    return;
  }
  res.cookie('tiktok_token', json.data.access_token, { httpOnly: true });
  res.redirect(req.query.next || '/');
});

app.listen(process.env.PORT || 3000);
