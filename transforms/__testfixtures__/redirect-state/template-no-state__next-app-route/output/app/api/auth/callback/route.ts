import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { exchangeCode } from '@/lib/tiktok';
import { readState, safeReturnPath } from '../../../../tiktok-state';

export async function GET(request: Request) {
  const { searchParams } = new URL(request.url);
  const code = searchParams.get('code');
  if (!code) {
    return NextResponse.json({ error: 'missing code' }, { status: 400 });
  }
  const { accessToken, openId } = await exchangeCode(code);
  cookies().set('tt_token', accessToken, { httpOnly: true, secure: true });
  cookies().set('tt_open_id', openId, { httpOnly: true, secure: true });
  const tiktokState = readState(searchParams.get('state'), process.env.TIKTOK_CLIENT_SECRET);
  const next = safeReturnPath(tiktokState.params.next, null) ?? '/';
  return NextResponse.redirect(new URL(next, request.url));
}
