// Endpoints kept without a scheme; the HTTP helper adds it.
export const ENDPOINTS = {
  token: '//open-api.tiktok.com/oauth/access_token/',
  refresh: 'open-api.tiktok.com/oauth/refresh_token',
};
