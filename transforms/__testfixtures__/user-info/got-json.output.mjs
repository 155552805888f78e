import got from 'got';

export async function tiktokUser(accessToken, openId) {
  const body = await got
    .get('https://open.tiktokapis.com/v2/user/info/?fields=open_id,display_name', {
      headers: { Authorization: `Bearer ${accessToken}` },
    })
    .json();
  if (body.error.code !== 'ok') throw new Error(body.error.message);
  return body.data.user;
}
