const crypto = require('crypto');
const express = require('express');
const session = require('express-session');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = 'https://demo.example.com/callback?next=/profile';

const app = express();
app.use(session({ secret: CLIENT_SECRET, resave: false, saveUninitialized: true }));

app.get('/', (req, res) => {
  // Shown on the setup page so the developer can copy it into the TikTok portal
  res.send(`<p>Redirect URI: <code>${REDIRECT_URI}</code></p><a href="/login">Log in with TikTok</a>`);
});

app.get('/login', (req, res) => {
  req.session.state = crypto.randomBytes(16).toString('hex');
  res.redirect('https://www.tiktok.com/v2/auth/authorize/?client_key=' + CLIENT_KEY +
    '&scope=user.info.basic&response_type=code&redirect_uri=' + encodeURIComponent(REDIRECT_URI) +
    '&state=' + req.session.state);
});

app.get('/callback', async (req, res) => {
  if (req.query.state !== req.session.state) return res.status(403).end();
  const r = await fetch('https://open.tiktokapis.com/v2/oauth/token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code: req.query.code,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT_URI,
    }),
  });
  const json = await r.json();
  req.session.token = json.access_token;
  res.redirect(req.query.next || '/');
});

app.listen(3000);
