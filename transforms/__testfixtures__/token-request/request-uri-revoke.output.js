const request = require('request');

const { TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET } = process.env;

function revoke(openId, accessToken) {
  return new Promise((resolve, reject) => {
    request({
      method: 'POST',
      uri: `https://open.tiktokapis.com/v2/oauth/revoke/`,
      json: true,
      timeout: 5000,
      form: {
        token: accessToken,
        client_key: TIKTOK_CLIENT_KEY,
        client_secret: TIKTOK_CLIENT_SECRET,
      },
    }, (err, res, body) => {
      if (err) return reject(err);
      if (body.error) return reject(new Error(body.error_description));
      resolve();
    });
  });
}

module.exports = { revoke };
