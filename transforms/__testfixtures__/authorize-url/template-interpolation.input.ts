const SCOPES = ['user.info.basic', 'video.list'];

export function getTikTokAuthUrl(clientKey: string, redirectUri: string, state: string): string {
  return `https://www.tiktok.com/auth/authorize/?client_key=${clientKey}&scope=${SCOPES.join(',')}&response_type=code&redirect_uri=${encodeURIComponent(redirectUri)}&state=${state}`;
}
