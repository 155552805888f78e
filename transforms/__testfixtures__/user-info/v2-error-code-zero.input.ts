import axios from 'axios';

export async function getProfile(accessToken: string) {
  const res = await axios.get('https://open.tiktokapis.com/v2/user/info/', {
    params: { fields: 'open_id,union_id,display_name' },
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  if (res.data.error.code !== 0) {
    throw new Error(res.data.error.message);
  }
  return res.data.data.user;
}
