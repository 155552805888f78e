const crypto = require('crypto');
const express = require('express');
const { checkCsrf } = require('./csrf');
const { encodeState } = require('./tiktok-state');

const app = express();
const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = 'https://app.example.com/auth/tiktok/callback';

app.get('/login', (req, res) => {
  const state = crypto.randomBytes(16).toString('hex');
  req.session.state = state;
  res.redirect(`https://www.tiktok.com/v2/auth/authorize/?client_key=${CLIENT_KEY}&response_type=code&scope=user.info.basic&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=${encodeState(state, { next: req.query.next || '/' }, CLIENT_SECRET)}`);
});

// The anti-forgery check lives in a helper that reads req.query.state itself.
app.get('/auth/tiktok/callback', checkCsrf, (req, res) => {
  res.redirect(req.query.next || '/');
});

module.exports = app;
