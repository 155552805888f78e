import axios from 'axios';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI;

export function exchangeCode(code) {
  return axios
    .post('https://open-api.tiktok.com/oauth/access_token/', null, {
      params: { client_key: CLIENT_KEY, client_secret: CLIENT_SECRET, code, grant_type: 'authorization_code' },
    })
    .then(({ data }) => {
      if (data.data.error_code !== 0) throw new Error(data.data.description);
      return data.data.access_token;
    });
}
