// Correct v2 user info: GET, Bearer, ?fields=, error.code compared with 'ok'. Nothing to change.
export async function getUser(accessToken: string) {
  const res = await fetch('https://open.tiktokapis.com/v2/user/info/?fields=open_id,union_id,avatar_url,display_name', {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  const json = await res.json();
  if (json.error.code !== 'ok') {
    throw new Error(`${json.error.code}: ${json.error.message}`);
  }
  return json.data.user;
}
