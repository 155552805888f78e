export async function exchange(code) {
  const res = await fetch(`https://open-api.tiktok.com/oauth/access_token?client_key=${process.env.TIKTOK_CLIENT_KEY}&client_secret=${process.env.TIKTOK_CLIENT_SECRET}&code=${encodeURIComponent(code)}&source=web`, {
    method: 'POST',
  });
  return (await res.json()).data;
}
