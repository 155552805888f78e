var request = require('request');

exports.profile = function (accessToken, openId, callback) {
  request('https://open.tiktokapis.com/v2/user/info/?fields=open_id,union_id,avatar_url,display_name', { headers: { Authorization: `Bearer ${accessToken}` } }, function (err, res, body) {
    if (err) return callback(err);
    var json = JSON.parse(body);
    if (json.error.code !== 'ok') return callback(new Error(json.error.message));
    callback(null, json.data.user);
  });
};
