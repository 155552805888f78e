// Endpoints kept without a scheme; the HTTP helper adds it.
export const ENDPOINTS = {
  token: '//open.tiktokapis.com/v2/oauth/token/',
  refresh: 'open.tiktokapis.com/v2/oauth/token/',
};
