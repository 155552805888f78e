var request = require('request');

function getAccessToken(code, callback) {
  request.post({
    url: 'https://open-api.tiktok.com/oauth/access_token/',
    form: {
      client_key: process.env.TIKTOK_CLIENT_KEY,
      client_secret: process.env.TIKTOK_CLIENT_SECRET,
      code: code
    },
    json: true
  }, function (err, res, body) {
    if (err) return callback(err);
    callback(null, body.data);
  });
}

module.exports = getAccessToken;
