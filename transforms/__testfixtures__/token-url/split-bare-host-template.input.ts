const TIKTOK_API_HOST = 'open-api.tiktok.com';

export const tokenEndpoint = (): string => `https://${TIKTOK_API_HOST}/oauth/access_token/`;
export const refreshEndpoint = (): string => `https://${TIKTOK_API_HOST}/oauth/refresh_token`;
