export async function refreshTikTok(clientKey: string, refreshToken: string) {
  const res = await fetch('https://open.tiktokapis.com/v2/oauth/token/', {
    method: 'POST',
    body: new URLSearchParams({
      client_key: clientKey,
      refresh_token: refreshToken,
      grant_type: 'refresh_token'
    })
  });
  return res.json();
}
