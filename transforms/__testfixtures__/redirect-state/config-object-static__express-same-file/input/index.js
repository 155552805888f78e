const crypto = require('crypto');
const express = require('express');
const session = require('express-session');
const fetch = require('node-fetch');
const config = require('./config');

const app = express();
app.use(session({ secret: config.sessionSecret, resave: false, saveUninitialized: false }));

app.get('/auth/tiktok', (req, res) => {
  req.session.state = crypto.randomBytes(24).toString('base64url');
  const url = `https://www.tiktok.com/auth/authorize/?client_key=${config.tiktok.clientKey}` +
    `&scope=${config.tiktok.scope}&response_type=code` +
    `&redirect_uri=${encodeURIComponent(config.tiktok.redirectUri)}&state=${req.session.state}`;
  res.redirect(url);
});

app.get('/auth/tiktok/callback', async (req, res) => {
  const { code, state, source, lang } = req.query;
  if (state !== req.session.state) return res.sendStatus(403);
  const r = await fetch(`https://open-api.tiktok.com/oauth/access_token/?client_key=${config.tiktok.clientKey}&client_secret=${config.tiktok.clientSecret}&code=${code}&grant_type=authorization_code`, {
    method: 'POST',
  });
  const { data } = await r.json();
  req.session.user = { openId: data.open_id, token: data.access_token, source, lang };
  res.redirect('/');
});

app.listen(config.port);
