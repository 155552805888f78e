import axios from 'axios';

const USER_FIELDS = ['open_id', 'union_id', 'avatar_url', 'display_name'];

export async function getUser(token, openId) {
  const { data } = await axios.post(
    'https://open-api.tiktok.com/user/info/',
    { open_id: openId, access_token: token, fields: USER_FIELDS },
    { timeout: 5000 },
  );
  return data.data.user;
}
