const crypto = require('crypto');
const express = require('express');
const session = require('express-session');
const { encodeState, readState } = require('./tiktok-state');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));

// The browser extension opens this page; the web app links to /login instead.
app.get('/extension/login', (req, res) => {
  req.session.state = crypto.randomBytes(16).toString('hex');
  res.redirect('https://www.tiktok.com/v2/auth/authorize/?client_key=' + CLIENT_KEY +
    '&scope=user.info.basic&response_type=code' +
    '&redirect_uri=' + encodeURIComponent('https://ext.example.com/tiktok/callback') +
    '&state=' + encodeState(req.session.state, { from: 'extension' }, CLIENT_SECRET));
});

app.get('/tiktok/callback', async (req, res) => {
  const tiktokState = readState(req.query.state, CLIENT_SECRET);
  if (tiktokState.nonce !== req.session.state) return res.status(403).send('Invalid state');
  const r = await fetch('https://open.tiktokapis.com/v2/oauth/token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code: req.query.code,
      grant_type: 'authorization_code',
      redirect_uri: 'https://ext.example.com/tiktok/callback',
    }),
  });
  const json = await r.json();
  req.session.token = json.access_token;
  if (tiktokState.params.from === 'extension') {
    return res.send('<script>window.close()</script>');
  }
  res.redirect('/');
});

app.listen(3000);
