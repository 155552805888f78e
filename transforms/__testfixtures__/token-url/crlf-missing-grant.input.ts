export async function refreshTikTok(clientKey: string, refreshToken: string) {
  const res = await fetch('https://open-api.tiktok.com/oauth/refresh_token/', {
    method: 'POST',
    body: new URLSearchParams({
      client_key: clientKey,
      refresh_token: refreshToken
    })
  });
  return res.json();
}
