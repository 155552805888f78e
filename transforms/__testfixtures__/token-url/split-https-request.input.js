const https = require('https');
const querystring = require('querystring');

function getAccessToken(code) {
  return new Promise((resolve, reject) => {
    const req = https.request({
      host: 'open-api.tiktok.com',
      path: '/oauth/access_token/?' + querystring.stringify({
        client_key: process.env.TIKTOK_CLIENT_KEY,
        client_secret: process.env.TIKTOK_CLIENT_SECRET,
        code: code,
        grant_type: 'authorization_code',
      }),
      method: 'POST',
    }, (res) => {
      let raw = '';
      res.on('data', (chunk) => { raw += chunk; });
      res.on('end', () => resolve(JSON.parse(raw).data));
    });
    req.on('error', reject);
    req.end();
  });
}

module.exports = { getAccessToken };
