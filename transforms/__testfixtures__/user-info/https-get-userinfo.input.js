const https = require('https');

function profile(accessToken, openId, done) {
  https.get('https://open-api.tiktok.com/oauth/userinfo/?open_id=' + openId + '&access_token=' + accessToken, (res) => {
    let raw = '';
    res.on('data', (chunk) => (raw += chunk));
    res.on('end', () => {
      const json = JSON.parse(raw);
      done(json.error.code !== 0 ? new Error(json.error.message) : null, json.data.user);
    });
  }).on('error', done);
}

module.exports = { profile };
