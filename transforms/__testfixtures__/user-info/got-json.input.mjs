import got from 'got';

export async function tiktokUser(accessToken, openId) {
  const body = await got
    .post('https://open-api.tiktok.com/user/info/', {
      json: { open_id: openId, access_token: accessToken, fields: ['open_id', 'display_name'] },
    })
    .json();
  if (body.error.code !== 0) throw new Error(body.error.message);
  return body.data.user;
}
