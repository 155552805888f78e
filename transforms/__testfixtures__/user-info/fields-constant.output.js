import axios from 'axios';

const USER_FIELDS = ['open_id', 'union_id', 'avatar_url', 'display_name'];

export async function getUser(token, openId) {
  const { data } = await axios.get(
    'https://open.tiktokapis.com/v2/user/info/?fields=' + USER_FIELDS.join(','),
    { timeout: 5000, headers: { Authorization: `Bearer ${token}` } },
  );
  return data.data.user;
}
