// Hard-coded sandbox login link (client key and redirect are public values)
export const SANDBOX_LOGIN =
  'https://www.tiktok.com/auth/authorize?client_key=aw1234sandbox&scope=user.info.basic%2Cvideo.list&response_type=code&redirect_uri=https%3A%2F%2Fstaging.example.com%2Fauth%2Fcallback%2F&state=dev#login';
