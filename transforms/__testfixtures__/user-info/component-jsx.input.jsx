import { useEffect, useState } from 'react';

export function TikTokProfile({ accessToken, openId }) {
  const [user, setUser] = useState(null);

  useEffect(() => {
    fetch('https://open-api.tiktok.com/user/info/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ open_id: openId, access_token: accessToken, fields: ['display_name', 'avatar_url'] }),
    })
      .then((res) => res.json())
      .then((json) => setUser(json.data.user));
  }, [accessToken, openId]);

  return user ? <img src={user.avatar_url} alt={user.display_name} /> : null;
}
