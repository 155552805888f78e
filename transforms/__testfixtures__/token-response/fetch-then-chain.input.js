const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

function getToken(code) {
  const url = 'https://open-api.tiktok.com/oauth/access_token/?client_key=' + CLIENT_KEY + '&client_secret=' + CLIENT_SECRET + '&code=' + code + '&grant_type=authorization_code';
  return fetch(url, { method: 'POST' })
    .then(res => res.json())
    .then(json => {
      if (json.message === 'error') {
        throw new Error(json.data.description);
      }
      return {
        accessToken: json.data.access_token,
        refreshToken: json.data.refresh_token,
        openId: json.data.open_id,
        expiresAt: Date.now() + json.data.expires_in * 1000,
      };
    });
}

module.exports = { getToken };
