const request = require('request');

function fetchUser(accessToken, openId) {
  return new Promise((resolve, reject) => {
    request.get({
      url: 'https://open.tiktokapis.com/v2/user/info/?fields=open_id,display_name,avatar_url',
      headers: { Authorization: `Bearer ${accessToken}` },
      json: true,
    }, (err, res, body) => {
      if (err) return reject(err);
      if (body.error.code !== 'ok') return reject(new Error(body.error.message));
      resolve(body.data.user);
    });
  });
}

module.exports = { fetchUser };
