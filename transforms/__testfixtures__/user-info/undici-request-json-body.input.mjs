import { request as undiciRequest } from 'undici';

const USER_FIELDS = ['open_id', 'union_id', 'avatar_url', 'display_name'];

export async function fetchUser(accessToken, openId) {
  const { body } = await undiciRequest('https://open-api.tiktok.com/user/info/', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'my-app' },
    body: JSON.stringify({ open_id: openId, access_token: accessToken, fields: USER_FIELDS }),
  });
  const json = await body.json();
  if (json.error.code) throw new Error(`user/info failed: ${json.error.message}`);
  return json.data.user;
}
