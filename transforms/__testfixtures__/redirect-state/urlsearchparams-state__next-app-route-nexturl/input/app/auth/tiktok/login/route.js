import { randomBytes } from 'node:crypto';
import { NextResponse } from 'next/server';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

export async function GET(request) {
  const nonce = randomBytes(16).toString('hex');
  const returnTo = request.nextUrl.searchParams.get('returnTo') || '/studio';
  const params = new URLSearchParams({
    client_key: CLIENT_KEY,
    scope: 'user.info.basic,video.upload',
    response_type: 'code',
    redirect_uri: `${request.nextUrl.origin}/auth/tiktok/callback?returnTo=${encodeURIComponent(returnTo)}`,
    state: nonce,
  });
  const response = NextResponse.redirect(`https://www.tiktok.com/auth/authorize/?${params.toString()}`);
  response.cookies.set('tt_nonce', nonce, { httpOnly: true, sameSite: 'lax', maxAge: 600 });
  return response;
}
