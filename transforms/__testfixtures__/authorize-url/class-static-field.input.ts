export class TikTokAuthClient {
  static readonly AUTHORIZE_URL = 'https://www.tiktok.com/auth/authorize/';
  private readonly scopes = ['user.info.basic', 'video.list'];

  constructor(private readonly clientKey: string, private readonly redirectUri: string) {}

  authorizeUrl(state: string): string {
    const url = new URL(TikTokAuthClient.AUTHORIZE_URL);
    url.searchParams.set('client_key', this.clientKey);
    url.searchParams.set('scope', this.scopes.join(','));
    url.searchParams.set('response_type', 'code');
    url.searchParams.set('redirect_uri', this.redirectUri);
    url.searchParams.set('state', state);
    return url.toString();
  }
}
