const CLIENT_KEY = import.meta.env.VITE_TIKTOK_CLIENT_KEY;
const REDIRECT_URI = `${window.location.origin}/api/tiktok/callback`;

export default function TikTokLoginButton({ next = '/' }) {
  const login = () => {
    const csrf = crypto.randomUUID();
    sessionStorage.setItem('tiktok_csrf', csrf);
    const redirect = `${REDIRECT_URI}?next=${encodeURIComponent(next)}`;
    window.location.href = `https://www.tiktok.com/v2/auth/authorize/?client_key=${CLIENT_KEY}&scope=user.info.basic&response_type=code&redirect_uri=${encodeURIComponent(redirect)}&state=${csrf}`;
  };
  return (
    <button type="button" className="tiktok-login" onClick={login}>
      Continue with TikTok
    </button>
  );
}
