const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

exports.logout = async (openId, accessToken) => {
  const res = await fetch(`https://open.tiktokapis.com/v2/oauth/revoke/`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token: accessToken,
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
    }),
  });
  const json = await res.json();
  if (json.error) {
    console.error('TikTok revoke failed', json.error_description);
    return false;
  }
  return true;
};
