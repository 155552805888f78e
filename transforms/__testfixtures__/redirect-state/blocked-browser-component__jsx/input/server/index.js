import express from 'express';

const app = express();
const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

app.get('/api/tiktok/callback', async (req, res) => {
  const { code, next } = req.query;
  const response = await fetch('https://open-api.tiktok.com/oauth/access_token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, code, grant_type: 'authorization_code' }),
  });
  const json = await response.json();
  res.cookie('tiktok_token', json.data.access_token, { httpOnly: true });
  res.redirect(`/auth/finish?state=${encodeURIComponent(req.query.state)}&next=${encodeURIComponent(next || '/')}`);
});

app.listen(5174);
