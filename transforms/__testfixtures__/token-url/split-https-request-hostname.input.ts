import https from 'node:https';

export function refresh(refreshToken: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      {
        hostname: 'open-api.tiktok.com',
        port: 443,
        path: `/oauth/refresh_token/?client_key=${process.env.TIKTOK_CLIENT_KEY}&grant_type=refresh_token&refresh_token=${encodeURIComponent(refreshToken)}`,
        method: 'POST',
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', reject);
    req.end();
  });
}
