export async function login(code) {
  const r = await fetch("https://open-api.tiktok.com/oauth/access_token/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ client_key: process.env.TIKTOK_CLIENT_KEY, client_secret: process.env.TIKTOK_CLIENT_SECRET, code, grant_type: "authorization_code" }),
  });
  const t = await r.json();
  const u = await fetch("https://open-api.tiktok.com/user/info/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ access_token: t.data.access_token, fields: ["open_id"] }),
  });
  return (await u.json()).data.user;
}
