const https = require('node:https');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

function refresh(refreshToken) {
  return new Promise((resolve, reject) => {
    const options = {
      hostname: 'open-api.tiktok.com',
      port: 443,
      path: '/oauth/refresh_token/?client_key=' + CLIENT_KEY + '&grant_type=refresh_token&refresh_token=' + refreshToken,
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Length': 0 },
    };
    const req = https.request(options, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (json.data.error_code !== 0) return reject(new Error(json.data.description));
        resolve(json.data.access_token);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

module.exports = { refresh };
