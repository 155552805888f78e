var request = require('request');

function refreshToken(refreshToken, callback) {
  request.post({
    url: 'https://open.tiktokapis.com/v2/oauth/token/',
    qs: {
      client_key: process.env.TIKTOK_CLIENT_KEY,
      grant_type: 'refresh_token',
      refresh_token: refreshToken
    },
    json: true
  }, function (err, res, body) {
    if (err) return callback(err);
    callback(null, body.data);
  });
}

module.exports = refreshToken;
