import crypto from 'node:crypto';
import querystring from 'node:querystring';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY ?? '';
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET ?? '';
const REDIRECT_URI = 'https://api.example.com/auth/callback';

const fastify = Fastify({ logger: true });
await fastify.register(cookie);

fastify.get<{ Querystring: { next?: string } }>('/auth/login', async (request, reply) => {
  const state = crypto.randomBytes(16).toString('hex');
  reply.setCookie('oauth_state', state, { httpOnly: true, path: '/' });
  const query = querystring.stringify({
    client_key: CLIENT_KEY,
    scope: 'user.info.basic',
    response_type: 'code',
    redirect_uri: REDIRECT_URI + '?next=' + (request.query.next ?? '/'),
    state,
  });
  return reply.redirect(`https://www.tiktok.com/auth/authorize/?${query}`);
});

interface CallbackQuery {
  code?: string;
  state?: string;
  next?: string;
}

fastify.get<{ Querystring: CallbackQuery }>('/auth/callback', async (request, reply) => {
  const { code, state, next } = request.query;
  if (!state || state !== request.cookies.oauth_state) {
    return reply.code(403).send({ error: 'invalid_state' });
  }
  const res = await fetch('https://open-api.tiktok.com/oauth/access_token/', {
    method: 'POST',
    body: new URLSearchParams({
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code: code ?? '',
      grant_type: 'authorization_code',
    }),
  });
  const json = await res.json();
  reply.setCookie('tiktok_token', json.data.access_token, { httpOnly: true, path: '/' });
  return reply.redirect(next || '/');
});

await fastify.listen({ port: 3000 });
