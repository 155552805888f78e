'use client';

import useSWR from 'swr';

async function fetchUser(accessToken: string) {
  const res = await fetch('https://open-api.tiktok.com/user/info/', {
    method: 'POST',
    body: JSON.stringify({ access_token: accessToken, fields: ['display_name'] }),
  });
  const json = await res.json();
  if (json.error.code !== 0) throw new Error(json.error.message);
  return json.data.user;
}

export default function Name({ token }: { token: string }) {
  const { data } = useSWR(token, fetchUser);
  return <span>{data?.display_name}</span>;
}
