const https = require('node:https');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

function refresh(refreshToken) {
  return new Promise((resolve, reject) => {
    const options = {
      hostname: 'open.tiktokapis.com',
      port: 443,
      path: '/v2/oauth/token/',
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
    };
    const req = https.request(options, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (json.error) return reject(new Error(json.error_description));
        resolve(json.access_token);
      });
    });
    req.on('error', reject);
    req.end(new URLSearchParams({
      client_key: CLIENT_KEY,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_secret: CLIENT_SECRET,
    }).toString());
  });
}

module.exports = { refresh };
