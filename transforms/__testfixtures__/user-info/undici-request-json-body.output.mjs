import { request as undiciRequest } from 'undici';

const USER_FIELDS = ['open_id', 'union_id', 'avatar_url', 'display_name'];

export async function fetchUser(accessToken, openId) {
  const { body } = await undiciRequest('https://open.tiktokapis.com/v2/user/info/?fields=' + USER_FIELDS.join(','), {
    method: 'GET',
    headers: { 'user-agent': 'my-app', Authorization: `Bearer ${accessToken}` },
  });
  const json = await body.json();
  if (json.error.code !== 'ok') throw new Error(`user/info failed: ${json.error.message}`);
  return json.data.user;
}
