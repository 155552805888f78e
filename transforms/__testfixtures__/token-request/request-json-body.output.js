const request = require('request');

const TIKTOK_CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const TIKTOK_CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const TIKTOK_REDIRECT_URI = 'https://app.example.com/auth/tiktok/callback';

exports.exchange = (code, cb) =>
  request.post('https://open.tiktokapis.com/v2/oauth/token/', {
    form: {
      client_key: TIKTOK_CLIENT_KEY,
      client_secret: TIKTOK_CLIENT_SECRET,
      code,
      grant_type: 'authorization_code',
      redirect_uri: TIKTOK_REDIRECT_URI,
    },
    json: true,
  }, (err, res, body) => cb(err, body && body.access_token));
