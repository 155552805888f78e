export class TikTokClient {
  private readonly base = 'https://open.tiktokapis.com';

  constructor(private readonly clientKey: string, private readonly clientSecret: string) {}

  async exchangeCode(code: string) {
    const res = await fetch(`${this.base}/v2/oauth/token/?client_key=${this.clientKey}&client_secret=${this.clientSecret}&code=${code}&grant_type=authorization_code`, {
      method: 'POST',
    });
    return res.json();
  }

  async refresh(refreshToken: string) {
    const res = await fetch(`${this.base}/v2/oauth/token/?client_key=${this.clientKey}&grant_type=refresh_token&refresh_token=${refreshToken}`, {
      method: 'POST',
    });
    return res.json();
  }
}
