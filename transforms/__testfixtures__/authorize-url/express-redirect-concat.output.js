const express = require('express');
const crypto = require('crypto');

const router = express.Router();

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

router.get('/auth/tiktok', (req, res) => {
  const state = crypto.randomBytes(16).toString('hex');
  req.session.tiktokState = state;

  res.redirect(
    'https://www.tiktok.com/v2/auth/authorize/?client_key=' +
      CLIENT_KEY +
      '&scope=user.info.basic,video.list' +
      '&response_type=code' +
      '&redirect_uri=' +
      encodeURIComponent(REDIRECT_URI) +
      '&state=' +
      state
  );
});

module.exports = router;
