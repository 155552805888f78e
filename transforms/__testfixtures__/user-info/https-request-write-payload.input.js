const https = require('https');

function fetchUser(accessToken, openId) {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify({ open_id: openId, access_token: accessToken, fields: ['open_id', 'display_name'] });
    const req = https.request({
      hostname: 'open-api.tiktok.com',
      path: '/user/info/',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) },
    }, (res) => {
      let raw = '';
      res.on('data', (chunk) => (raw += chunk));
      res.on('end', () => {
        const json = JSON.parse(raw);
        if (json.error.code !== 0) return reject(new Error(json.error.message));
        resolve(json.data.user);
      });
    });
    req.on('error', reject);
    req.write(payload);
    req.end();
  });
}

module.exports = { fetchUser };
