const FIELDS = ['open_id', 'union_id', 'avatar_url', 'display_name'];

async function getTikTokUser(accessToken) {
  const res = await fetch(`https://open.tiktok.com/v2/user/info/?fields=${FIELDS.join(',')}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const body = await res.json();
  if (body.error.code !== 'ok') throw new Error(body.error.message);
  return body.data.user;
}

module.exports = { getTikTokUser };
