var request = require('request');

function getAccessToken(code, callback) {
  request.post({
    url: 'https://open.tiktokapis.com/v2/oauth/token/',
    form: {
      client_key: process.env.TIKTOK_CLIENT_KEY,
      client_secret: process.env.TIKTOK_CLIENT_SECRET,
      code: code,
      grant_type: 'authorization_code'
    },
    json: true
  }, function (err, res, body) {
    if (err) return callback(err);
    callback(null, body.data);
  });
}

module.exports = getAccessToken;
