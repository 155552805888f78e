const https = require('https');

function fetchUser(accessToken, openId) {
  return new Promise((resolve, reject) => {
    const req = https.request({
      hostname: 'open.tiktokapis.com',
      path: '/v2/user/info/?fields=open_id,display_name',
      method: 'GET',
      headers: { Authorization: `Bearer ${accessToken}` },
    }, (res) => {
      let raw = '';
      res.on('data', (chunk) => (raw += chunk));
      res.on('end', () => {
        const json = JSON.parse(raw);
        if (json.error.code !== 'ok') return reject(new Error(json.error.message));
        resolve(json.data.user);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

module.exports = { fetchUser };
