export const AUTH_URL = 'https://www.tiktok.com/v2/auth/authorize/';
export const AUTH_URL_NO_SLASH = "https://www.tiktok.com/v2/auth/authorize";

export function authUrl(clientKey: string, redirectUri: string, state: string): string {
  return `https://www.tiktok.com/v2/auth/authorize/?client_key=${clientKey}&scope=user.info.basic&response_type=code&redirect_uri=${encodeURIComponent(redirectUri)}&state=${state}`;
}
