var request = require('request');

var CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
var CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

exports.refresh = function (refreshToken, callback) {
  request.post('https://open.tiktokapis.com/v2/oauth/token/', {
    form: {
      client_key: CLIENT_KEY,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_secret: CLIENT_SECRET,
    },
  }, function (err, res, body) {
    if (err) return callback(err);
    var json = JSON.parse(body);
    if (json.error) return callback(new Error(json.error_description));
    callback(null, json.access_token, json.refresh_token);
  });
};
