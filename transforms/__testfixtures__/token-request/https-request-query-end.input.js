const https = require('https');
const querystring = require('querystring');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

function exchangeCode(code) {
  return new Promise((resolve, reject) => {
    const query = querystring.stringify({ client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, code, grant_type: 'authorization_code' });
    const req = https.request('https://open-api.tiktok.com/oauth/access_token/?' + query, { method: 'POST' }, (res) => {
      let raw = '';
      res.on('data', (chunk) => (raw += chunk));
      res.on('end', () => {
        const json = JSON.parse(raw);
        if (json.message === 'error') return reject(new Error(json.data.description));
        resolve({ accessToken: json.data.access_token, openId: json.data.open_id });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

module.exports = { exchangeCode };
