import type { Request, Response } from "express";

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY!;
const REDIRECT_URI = process.env.TIKTOK_REDIRECT_URI!;

export function tiktokLogin(req: Request, res: Response): void {
  const state = (req as any).session.id;
  const url =
    "https://www.tiktok.com/v2/auth/authorize/?client_key=" +
    CLIENT_KEY +
    "&scope=user.info.basic&response_type=code&redirect_uri=" +
    encodeURIComponent(REDIRECT_URI) +
    "&state=" +
    state;
  res.redirect(url);
}
