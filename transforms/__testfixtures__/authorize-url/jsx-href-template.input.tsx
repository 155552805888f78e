type Props = { clientKey: string; redirectUri: string; state: string };

export default function TikTokLoginButton({ clientKey, redirectUri, state }: Props) {
  return (
    <a
      className="btn btn-tiktok"
      href={`https://www.tiktok.com/auth/authorize/?client_key=${clientKey}&scope=user.info.basic&response_type=code&redirect_uri=${encodeURIComponent(redirectUri)}&state=${state}`}
    >
      Continue with TikTok
    </a>
  );
}
