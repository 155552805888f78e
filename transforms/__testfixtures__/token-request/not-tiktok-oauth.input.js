// Google and Business API token exchanges: not TikTok Login Kit, never touched.
const axios = require('axios');

exports.google = async (code) => {
  const { data } = await axios.post('https://oauth2.googleapis.com/token', {
    client_id: process.env.GOOGLE_CLIENT_ID,
    client_secret: process.env.GOOGLE_CLIENT_SECRET,
    code,
    grant_type: 'authorization_code',
    redirect_uri: process.env.GOOGLE_REDIRECT_URI,
  });
  return data.access_token;
};

exports.tiktokAds = async (authCode) => {
  const res = await fetch('https://business-api.tiktok.com/open_api/v1.3/oauth2/access_token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ app_id: process.env.TT_ADS_APP_ID, secret: process.env.TT_ADS_SECRET, auth_code: authCode }),
  });
  const json = await res.json();
  return json.data.access_token;
};
