const axios = require('axios');

exports.fetchProfile = async (accessToken, openId) => {
  const res = await axios.get('https://open.tiktokapis.com/v2/user/info/?fields=open_id,display_name,avatar_url', { headers: { Authorization: `Bearer ${accessToken}` } });
  if (res.data.error.code !== 'ok') {
    throw new Error(res.data.error.message);
  }
  const { user } = res.data.data;
  return { id: user.open_id, name: user.display_name, avatar: user.avatar_url };
};
