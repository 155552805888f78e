export class TikTokTokenClient {
  static readonly TOKEN_URL = 'https://open-api.tiktok.com/oauth/access_token/';
  static readonly REFRESH_URL = 'https://open-api.tiktok.com/oauth/refresh_token/';

  constructor(private readonly clientKey: string, private readonly clientSecret: string) {}

  async exchange(code: string) {
    const url = `${TikTokTokenClient.TOKEN_URL}?client_key=${this.clientKey}&client_secret=${this.clientSecret}&code=${code}&grant_type=authorization_code`;
    return (await fetch(url, { method: 'POST' })).json();
  }

  async refresh(refreshToken: string) {
    const url = `${TikTokTokenClient.REFRESH_URL}?client_key=${this.clientKey}&grant_type=refresh_token&refresh_token=${refreshToken}`;
    return (await fetch(url, { method: 'POST' })).json();
  }
}
