const request = require('request');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

function exchangeCode(code, done) {
  request.post({
    url: 'https://open-api.tiktok.com/oauth/access_token/',
    headers: { 'User-Agent': 'my-app/1.0', 'Content-Type': 'application/json' },
    qs: {
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code: code,
      grant_type: 'authorization_code',
    },
    json: true,
  }, (err, res, body) => {
    if (err) return done(err);
    if (body.message === 'error') return done(new Error(body.data.description));
    done(null, { accessToken: body.data.access_token, openId: body.data.open_id });
  });
}

module.exports = { exchangeCode };
