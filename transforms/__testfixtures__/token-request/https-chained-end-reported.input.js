const https = require('https');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

// The request object is never held in a variable: its body cannot be followed, so the call is reported.
function exchangeCode(code, done) {
  https.request(`https://open-api.tiktok.com/oauth/access_token/?client_key=${CLIENT_KEY}&client_secret=${CLIENT_SECRET}&code=${code}&grant_type=authorization_code`, { method: 'POST' }, (res) => {
    let raw = '';
    res.on('data', (chunk) => (raw += chunk));
    res.on('end', () => {
      const json = JSON.parse(raw);
      done(json.data.error_code ? new Error(json.data.description) : null, json.data.access_token);
    });
  }).on('error', done).end();
}

module.exports = { exchangeCode };
