const https = require('https');
const querystring = require('querystring');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

function exchangeCode(code) {
  return new Promise((resolve, reject) => {
    const req = https.request('https://open.tiktokapis.com/v2/oauth/token/', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }, (res) => {
      let raw = '';
      res.on('data', (chunk) => (raw += chunk));
      res.on('end', () => {
        const json = JSON.parse(raw);
        if (json.error) return reject(new Error(json.error_description));
        resolve({ accessToken: json.access_token, openId: json.open_id });
      });
    });
    req.on('error', reject);
    req.end(new URLSearchParams({
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT_URI,
    }).toString());
  });
}

module.exports = { exchangeCode };
