export async function login(code) {
  const r = await fetch("https://open.tiktokapis.com/v2/oauth/token/", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ client_key: process.env.TIKTOK_CLIENT_KEY, client_secret: process.env.TIKTOK_CLIENT_SECRET, code, grant_type: "authorization_code" }),
  });
  const t = await r.json();
  const u = await fetch("https://open.tiktokapis.com/v2/user/info/?fields=open_id", {
    method: "GET",
    headers: { Authorization: `Bearer ${t.access_token}` },
  });
  return (await u.json()).data.user;
}
