export class TikTokSession {
  static REVOKE_URL = 'https://open-api.tiktok.com/oauth/revoke/';

  constructor(public openId: string, public accessToken: string) {}

  async logout(): Promise<void> {
    const url = new URL(TikTokSession.REVOKE_URL);
    url.searchParams.set('open_id', this.openId);
    url.searchParams.set('access_token', this.accessToken);
    await fetch(url, { method: 'POST' });
  }
}
