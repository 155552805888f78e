var request = require('request');

var CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
var CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

exports.refresh = function (refreshToken, callback) {
  request.post('https://open-api.tiktok.com/oauth/refresh_token/?client_key=' + CLIENT_KEY + '&grant_type=refresh_token&refresh_token=' + refreshToken, function (err, res, body) {
    if (err) return callback(err);
    var json = JSON.parse(body);
    if (json.data.error_code !== 0) return callback(new Error(json.data.description));
    callback(null, json.data.access_token, json.data.refresh_token);
  });
};
