const https = require('https');

function profile(accessToken, openId, done) {
  https.get('https://open.tiktokapis.com/v2/user/info/?fields=open_id,union_id,avatar_url,display_name', { headers: { Authorization: `Bearer ${accessToken}` } }, (res) => {
    let raw = '';
    res.on('data', (chunk) => (raw += chunk));
    res.on('end', () => {
      const json = JSON.parse(raw);
      done(json.error.code !== 'ok' ? new Error(json.error.message) : null, json.data.user);
    });
  }).on('error', done);
}

module.exports = { profile };
