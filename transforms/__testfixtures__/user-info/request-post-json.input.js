const request = require('request');

function fetchUser(accessToken, openId) {
  return new Promise((resolve, reject) => {
    request.post({
      url: 'https://open-api.tiktok.com/user/info/',
      json: { open_id: openId, access_token: accessToken, fields: ['open_id', 'display_name', 'avatar_url'] },
    }, (err, res, body) => {
      if (err) return reject(err);
      if (body.error.code !== 0) return reject(new Error(body.error.message));
      resolve(body.data.user);
    });
  });
}

module.exports = { fetchUser };
