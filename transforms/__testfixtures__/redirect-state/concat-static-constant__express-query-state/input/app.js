'use strict';

const crypto = require('crypto');
const express = require('express');
const session = require('express-session');
const axios = require('axios');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = 'https://app.example.com/auth/callback?next=/dashboard';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));

app.get('/auth/tiktok', (req, res) => {
  const state = crypto.randomBytes(16).toString('hex');
  req.session.oauthState = state;
  const authUrl = 'https://www.tiktok.com/auth/authorize/' +
    '?client_key=' + CLIENT_KEY +
    '&scope=user.info.basic,video.list' +
    '&response_type=code' +
    '&redirect_uri=' + encodeURIComponent(REDIRECT_URI) +
    '&state=' + state;
  res.redirect(authUrl);
});

app.get('/auth/callback', async (req, res) => {
  if (req.query.state !== req.session.oauthState) {
    return res.status(401).send('State mismatch');
  }
  const response = await axios.post('https://open-api.tiktok.com/oauth/access_token/', null, {
    params: {
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code: req.query.code,
      grant_type: 'authorization_code',
    },
  });
  req.session.accessToken = response.data.data.access_token;
  req.session.openId = response.data.data.open_id;
  res.redirect(req.query.next);
});

app.listen(3000);
