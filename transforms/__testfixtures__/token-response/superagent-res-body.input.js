const request = require('superagent');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

async function refresh(refreshToken) {
  const res = await request
    .post('https://open-api.tiktok.com/oauth/refresh_token/')
    .query({ client_key: CLIENT_KEY, grant_type: 'refresh_token', refresh_token: refreshToken });
  if (res.body.data.error_code !== 0) throw new Error(res.body.data.description);
  return res.body.data.access_token;
}

module.exports = { refresh };
