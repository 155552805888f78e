const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

function getToken(code) {
  const url = 'https://open.tiktokapis.com/v2/oauth/token/';
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code,
      grant_type: 'authorization_code',
      redirect_uri: REDIRECT_URI,
    }),
  })
    .then(res => res.json())
    .then(json => {
      if (json.error) {
        throw new Error(json.error_description);
      }
      return {
        accessToken: json.access_token,
        refreshToken: json.refresh_token,
        openId: json.open_id,
        expiresAt: Date.now() + json.expires_in * 1000,
      };
    });
}

module.exports = { getToken };
