const superagent = require('superagent');

async function profile(accessToken, openId) {
  const res = await superagent
    .post('https://open-api.tiktok.com/user/info/')
    .send({ open_id: openId, access_token: accessToken, fields: ['open_id', 'avatar_url'] });
  return res.body.data.user;
}

module.exports = { profile };
