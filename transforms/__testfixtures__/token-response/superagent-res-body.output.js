const request = require('superagent');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

async function refresh(refreshToken) {
  const res = await request
    .post('https://open.tiktokapis.com/v2/oauth/token/')
    .type('form').send({
      client_key: CLIENT_KEY,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_secret: CLIENT_SECRET,
    });
  if (res.body.error) throw new Error(res.body.error_description);
  return res.body.access_token;
}

module.exports = { refresh };
