const TIKTOK_API_BASE = 'https://open.tiktokapis.com';
const REVOKE_PATH = '/v2/oauth/revoke/';

async function revoke(openId, accessToken) {
  const res = await fetch(TIKTOK_API_BASE + REVOKE_PATH + '?open_id=' + openId + '&access_token=' + accessToken, {
    method: 'POST',
  });
  return res.json();
}

module.exports = { revoke };
