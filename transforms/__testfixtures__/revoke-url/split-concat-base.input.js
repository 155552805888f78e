const TIKTOK_API_BASE = 'https://open-api.tiktok.com';
const REVOKE_PATH = '/oauth/revoke/';

async function revoke(openId, accessToken) {
  const res = await fetch(TIKTOK_API_BASE + REVOKE_PATH + '?open_id=' + openId + '&access_token=' + accessToken, {
    method: 'POST',
  });
  return res.json();
}

module.exports = { revoke };
