const crypto = require('crypto');
const express = require('express');
const session = require('express-session');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));

// The browser extension opens this page; the web app links to /login instead.
app.get('/extension/login', (req, res) => {
  req.session.state = crypto.randomBytes(16).toString('hex');
  res.redirect('https://www.tiktok.com/auth/authorize/?client_key=' + CLIENT_KEY +
    '&scope=user.info.basic&response_type=code' +
    '&redirect_uri=' + encodeURIComponent('https://ext.example.com/tiktok/callback?from=extension') +
    '&state=' + req.session.state);
});

app.get('/tiktok/callback', async (req, res) => {
  if (req.query.state !== req.session.state) return res.status(403).send('Invalid state');
  const r = await fetch('https://open-api.tiktok.com/oauth/access_token/?client_key=' + CLIENT_KEY +
    '&client_secret=' + CLIENT_SECRET + '&code=' + req.query.code + '&grant_type=authorization_code', { method: 'POST' });
  const json = await r.json();
  req.session.token = json.data.access_token;
  if (req.query.from === 'extension') {
    return res.send('<script>window.close()</script>');
  }
  res.redirect('/');
});

app.listen(3000);
