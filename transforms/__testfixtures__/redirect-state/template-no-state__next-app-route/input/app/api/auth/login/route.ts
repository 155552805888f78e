import { NextResponse, type NextRequest } from 'next/server';
import { authorizeUrl } from '@/lib/tiktok';

export function GET(request: NextRequest) {
  const next = request.nextUrl.searchParams.get('next') ?? '/';
  return NextResponse.redirect(authorizeUrl(next));
}
