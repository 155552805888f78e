const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

exports.logout = async (openId, accessToken) => {
  const res = await fetch(`https://open-api.tiktok.com/oauth/revoke/?open_id=${openId}&access_token=${accessToken}`, {
    method: 'POST',
  });
  const json = await res.json();
  if (json.data.error_code !== 0) {
    console.error('TikTok revoke failed', json.data.description);
    return false;
  }
  return true;
};
