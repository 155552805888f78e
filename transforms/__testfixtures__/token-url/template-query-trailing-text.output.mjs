export async function exchange(code) {
  const res = await fetch(`https://open.tiktokapis.com/v2/oauth/token/?client_key=${process.env.TIKTOK_CLIENT_KEY}&client_secret=${process.env.TIKTOK_CLIENT_SECRET}&code=${encodeURIComponent(code)}&source=web&grant_type=authorization_code`, {
    method: 'POST',
  });
  return (await res.json()).data;
}
