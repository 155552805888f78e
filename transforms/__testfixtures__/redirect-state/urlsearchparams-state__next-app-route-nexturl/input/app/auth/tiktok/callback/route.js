import { NextResponse } from 'next/server';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

export async function GET(request) {
  const state = request.nextUrl.searchParams.get('state');
  if (!state || state !== request.cookies.get('tt_nonce')?.value) {
    return new NextResponse('Invalid state', { status: 403 });
  }
  const tokenResponse = await fetch('https://open-api.tiktok.com/oauth/access_token/', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code: request.nextUrl.searchParams.get('code'),
      grant_type: 'authorization_code',
    }),
  });
  const { data } = await tokenResponse.json();
  const response = NextResponse.redirect(new URL(request.nextUrl.searchParams.get('returnTo') || '/studio', request.url));
  response.cookies.set('tt_token', data.access_token, { httpOnly: true, secure: true });
  response.cookies.delete('tt_nonce');
  return response;
}
