export function connectUrl(clientKey: string, redirectUri: string, state: string): string {
  return `http://open-api.tiktok.com/platform/oauth/connect?client_key=${clientKey}&scope=user.info.basic&response_type=code&redirect_uri=${encodeURIComponent(redirectUri)}&state=${state}`;
}
