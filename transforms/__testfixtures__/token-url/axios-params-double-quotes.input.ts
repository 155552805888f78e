import axios from "axios";

const clientKey = process.env.TIKTOK_CLIENT_KEY;
const clientSecret = process.env.TIKTOK_CLIENT_SECRET;

export async function getToken(code: string) {
  const res = await axios.post("https://open-api.tiktok.com/oauth/access_token/", null, {
    params: { client_key: clientKey, client_secret: clientSecret, code },
  });
  return res.data.data;
}
