const crypto = require('crypto');
const express = require('express');

const app = express();
const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const AUTH_SERVICE = process.env.AUTH_SERVICE_URL || 'http://auth.internal:8080';
const CALLBACK_URL = 'https://www.example.com/tiktok/callback';

app.get('/login', (req, res) => {
  const state = crypto.randomBytes(16).toString('hex');
  res.cookie('tt_state', state, { httpOnly: true });
  const campaign = req.query.utm_campaign || 'organic';
  res.redirect(`https://www.tiktok.com/auth/authorize/?client_key=${CLIENT_KEY}&scope=user.info.basic&response_type=code&redirect_uri=${encodeURIComponent(`${CALLBACK_URL}?campaign=${campaign}`)}&state=${state}`);
});

app.get('/tiktok/callback', async (req, res) => {
  const r = await fetch(`${AUTH_SERVICE}/tiktok/redeem`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: req.query.code, state: req.query.state, campaign: req.query.campaign }),
  });
  res.redirect(r.ok ? '/home' : '/login-failed');
});

app.listen(8080);
