import axios from "axios";

const clientKey = process.env.TIKTOK_CLIENT_KEY;
const clientSecret = process.env.TIKTOK_CLIENT_SECRET;

export async function getToken(code: string) {
  const res = await axios.post("https://open.tiktokapis.com/v2/oauth/token/", null, {
    params: { client_key: clientKey, client_secret: clientSecret, code, grant_type: "authorization_code" },
  });
  return res.data.data;
}
