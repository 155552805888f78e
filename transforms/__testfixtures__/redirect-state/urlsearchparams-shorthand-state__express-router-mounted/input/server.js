const crypto = require('crypto');
const express = require('express');
const session = require('express-session');
const authRouter = require('./routes/auth');

const BASE_URL = process.env.BASE_URL || 'https://referral.example.com';
const TIKTOK_CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const TIKTOK_CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

const app = express();
app.use(session({ secret: TIKTOK_CLIENT_SECRET, resave: false, saveUninitialized: true }));

app.get('/login/tiktok', (req, res) => {
  const ref = req.query.ref || 'direct';
  const state = crypto.randomUUID();
  req.session.oauthState = state;
  const params = new URLSearchParams({
    client_key: TIKTOK_CLIENT_KEY,
    scope: 'user.info.basic',
    response_type: 'code',
    redirect_uri: `${BASE_URL}/auth/tiktok/callback?ref=${ref}`,
    state,
  });
  res.redirect(`https://www.tiktok.com/auth/authorize/?${params}`);
});

app.use('/auth', authRouter);

app.listen(8080);
