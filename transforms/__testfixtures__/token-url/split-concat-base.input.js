const TIKTOK_API = 'https://open-api.tiktok.com';

async function exchangeCode(code) {
  const res = await fetch(TIKTOK_API + '/oauth/access_token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: process.env.TIKTOK_CLIENT_KEY,
      client_secret: process.env.TIKTOK_CLIENT_SECRET,
      code,
      grant_type: 'authorization_code',
    }),
  });
  return res.json();
}

async function refresh(refreshToken) {
  const res = await fetch(TIKTOK_API + '/oauth/refresh_token/?client_key=' + process.env.TIKTOK_CLIENT_KEY + '&grant_type=refresh_token&refresh_token=' + refreshToken, { method: 'POST' });
  return res.json();
}

module.exports = { exchangeCode, refresh };
