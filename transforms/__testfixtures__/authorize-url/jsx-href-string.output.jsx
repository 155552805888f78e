export function Footer() {
  return (
    <footer className="footer">
      <a href="https://www.tiktok.com/@examplebrand">Follow us on TikTok</a>
      <a href="https://www.tiktok.com/v2/auth/authorize/?client_key=aw7f3kq2examplekey&scope=user.info.basic&response_type=code&redirect_uri=https%3A%2F%2Fexample.com%2Fauth%2Ftiktok%2F&state=footer">
        Log in with TikTok
      </a>
    </footer>
  );
}
