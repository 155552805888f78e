const request = require('request');

const { TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET } = process.env;

function revoke(openId, accessToken) {
  return new Promise((resolve, reject) => {
    request({
      method: 'POST',
      uri: `https://open-api.tiktok.com/oauth/revoke/?open_id=${openId}&access_token=${accessToken}`,
      json: true,
      timeout: 5000,
    }, (err, res, body) => {
      if (err) return reject(err);
      if (body.data.error_code !== 0) return reject(new Error(body.data.description));
      resolve();
    });
  });
}

module.exports = { revoke };
