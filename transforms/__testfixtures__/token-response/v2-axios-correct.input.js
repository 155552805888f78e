// axios on v2: res.data IS the flat token body, so res.data.access_token is right. Nothing to change.
const axios = require('axios');

exports.exchangeCode = async (code) => {
  const res = await axios.post(
    'https://open.tiktokapis.com/v2/oauth/token/',
    new URLSearchParams({
      client_key: process.env.TIKTOK_CLIENT_KEY,
      client_secret: process.env.TIKTOK_CLIENT_SECRET,
      code,
      grant_type: 'authorization_code',
      redirect_uri: process.env.TIKTOK_REDIRECT_URI,
    }),
    { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
  );
  if (res.data.error) throw new Error(res.data.error_description);
  return { accessToken: res.data.access_token, openId: res.data.open_id };
};
