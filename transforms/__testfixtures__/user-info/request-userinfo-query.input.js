var request = require('request');

exports.profile = function (accessToken, openId, callback) {
  request('https://open-api.tiktok.com/oauth/userinfo/?open_id=' + openId + '&access_token=' + accessToken, function (err, res, body) {
    if (err) return callback(err);
    var json = JSON.parse(body);
    if (json.error.code) return callback(new Error(json.error.message));
    callback(null, json.data.user);
  });
};
