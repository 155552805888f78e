const superagent = require('superagent');

async function profile(accessToken, openId) {
  const res = await superagent
    .get('https://open.tiktokapis.com/v2/user/info/?fields=open_id,avatar_url')
    .set('Authorization', `Bearer ${accessToken}`);
  return res.body.data.user;
}

module.exports = { profile };
