const axios = require('axios');

exports.fetchProfile = async (accessToken, openId) => {
  const res = await axios.post('https://open-api.tiktok.com/user/info/', {
    open_id: openId,
    access_token: accessToken,
    fields: ['open_id', 'display_name', 'avatar_url'],
  });
  if (res.data.error.code !== 0) {
    throw new Error(res.data.error.message);
  }
  const { user } = res.data.data;
  return { id: user.open_id, name: user.display_name, avatar: user.avatar_url };
};
