const express = require('express');

const router = express.Router();

const TIKTOK_CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const TIKTOK_CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

router.get('/tiktok/callback', async (req, res, next) => {
  try {
    if (req.query.state !== req.session.oauthState) {
      return res.status(400).json({ error: 'bad state' });
    }
    const tokenRes = await fetch('https://open-api.tiktok.com/oauth/access_token/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        client_key: TIKTOK_CLIENT_KEY,
        client_secret: TIKTOK_CLIENT_SECRET,
        code: req.query.code,
        grant_type: 'authorization_code',
      }),
    });
    const body = await tokenRes.json();
    req.session.tiktok = { openId: body.data.open_id, accessToken: body.data.access_token };
    req.session.referral = req.query.ref;
    res.redirect('/welcome');
  } catch (err) {
    next(err);
  }
});

module.exports = router;
