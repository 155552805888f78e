import crypto from 'node:crypto';
import express from 'express';
import session from 'express-session';

const { TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET, APP_ORIGIN = 'https://mjs.example.com' } = process.env;

const app = express();
app.use(session({ secret: TIKTOK_CLIENT_SECRET, resave: false, saveUninitialized: true }));

app.get('/login', (req, res) => {
  req.session.state = crypto.randomUUID();
  const redirect = `${APP_ORIGIN}/tiktok/callback?returnTo=${encodeURIComponent(req.query.returnTo ?? '/')}&lang=${req.acceptsLanguages('en', 'fr') || 'en'}`;
  res.redirect(`https://www.tiktok.com/auth/authorize/?client_key=${TIKTOK_CLIENT_KEY}&response_type=code&scope=user.info.basic&redirect_uri=${encodeURIComponent(redirect)}&state=${req.session.state}`);
});

app.get('/tiktok/callback', async (req, res) => {
  const { code, state, returnTo = '/', lang } = req.query;
  if (state !== req.session.state) return res.status(403).send('Forbidden');
  const tokenRes = await fetch('https://open-api.tiktok.com/oauth/access_token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_key: TIKTOK_CLIENT_KEY, client_secret: TIKTOK_CLIENT_SECRET, code, grant_type: 'authorization_code' }),
  });
  const json = await tokenRes.json();
  req.session.token = json.data.access_token;
  req.session.lang = lang;
  res.redirect(returnTo);
});

app.listen(3000);
