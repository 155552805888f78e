'use strict';

const crypto = require('crypto');
const express = require('express');
const session = require('express-session');
const axios = require('axios');
const { encodeState, readState, safeReturnPath } = require('./tiktok-state');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = 'https://app.example.com/auth/callback';

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));

app.get('/auth/tiktok', (req, res) => {
  const state = crypto.randomBytes(16).toString('hex');
  req.session.tiktokState = state;
  const authUrl = 'https://www.tiktok.com/v2/auth/authorize/' +
    '?client_key=' + CLIENT_KEY +
    '&scope=user.info.basic,video.list' +
    '&response_type=code' +
    '&redirect_uri=' + encodeURIComponent(REDIRECT_URI) +
    '&state=' + encodeState(state, { next: '/dashboard' }, CLIENT_SECRET);
  res.redirect(authUrl);
});

app.get('/auth/callback', async (req, res) => {
  const tiktokState = readState(req.query.state, CLIENT_SECRET);
  if (tiktokState.nonce !== req.session.tiktokState) {
    return res.status(401).send('State mismatch');
  }
  const response = await axios.post('https://open.tiktokapis.com/v2/oauth/token/', new URLSearchParams({
    client_key: CLIENT_KEY,
    client_secret: CLIENT_SECRET,
    code: req.query.code,
    grant_type: 'authorization_code',
    redirect_uri: REDIRECT_URI,
  }), {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  });
  req.session.accessToken = response.data.access_token;
  req.session.openId = response.data.open_id;
  res.redirect(safeReturnPath(tiktokState.params.next));
});

app.listen(3000);
