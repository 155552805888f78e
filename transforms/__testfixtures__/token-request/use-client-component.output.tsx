'use client';

import { useEffect, useState } from 'react';

export default function TikTokCallback({ code }: { code: string }) {
  const [name, setName] = useState<string | null>(null);

  useEffect(() => {
    fetch(
      `https://open.tiktokapis.com/v2/oauth/token/?client_key=${process.env.NEXT_PUBLIC_TIKTOK_CLIENT_KEY}&client_secret=${process.env.NEXT_PUBLIC_TIKTOK_CLIENT_SECRET}&code=${code}&grant_type=authorization_code`,
      { method: 'POST' },
    )
      .then((res) => res.json())
      .then((json) => setName(json.open_id));
  }, [code]);

  return <p>{name ?? 'Signing in…'}</p>;
}
