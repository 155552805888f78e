const request = require('request');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

function exchangeCode(code, done) {
  request.post({
    url: 'https://open.tiktokapis.com/v2/oauth/token/',
    headers: { 'User-Agent': 'my-app/1.0' },
    form: {
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT_URI,
    },
    json: true,
  }, (err, res, body) => {
    if (err) return done(err);
    if (body.error) return done(new Error(body.error_description));
    done(null, { accessToken: body.access_token, openId: body.open_id });
  });
}

module.exports = { exchangeCode };
