const PROFILE = 'https://www.tiktok.com/@scout2015';
const VIDEO = 'https://www.tiktok.com/@scout2015/video/6718335390845095173';
const EMBED = `https://www.tiktok.com/embed/v2/6718335390845095173`;
const OEMBED = 'https://www.tiktok.com/oembed?url=' + encodeURIComponent(VIDEO);
const BUSINESS_AUTH = 'https://business-api.tiktok.com/portal/auth?app_id=7000000000000000001&state=your_custom_params&redirect_uri=https%3A%2F%2Fexample.com%2F';
const DOUYIN_AUTH = 'https://open.douyin.com/platform/oauth/connect/?client_key=awkey&response_type=code&scope=user_info';
const DOCS = 'https://developers.tiktok.com/doc/login-kit-web/';

export function TikTokLinks() {
  return (
    <ul>
      <li><a href={PROFILE}>Profile</a></li>
      <li><a href="https://www.tiktok.com/@scout2015">Profile (inline)</a></li>
      <li><a href={VIDEO}>Video</a></li>
      <li><iframe src={EMBED} title="embed" /></li>
      <li><a href={OEMBED}>oEmbed</a></li>
      <li><a href={BUSINESS_AUTH}>Connect TikTok Ads</a></li>
      <li><a href={DOUYIN_AUTH}>Douyin</a></li>
      <li><a href={DOCS}>Docs</a></li>
    </ul>
  );
}
