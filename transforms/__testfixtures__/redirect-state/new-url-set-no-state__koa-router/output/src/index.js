const Koa = require('koa');
const Router = require('@koa/router');
const fetch = require('node-fetch');
const { createNonce, encodeState, readState } = require('./tiktok-state');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

const app = new Koa();
const router = new Router();

router.get('/connect/tiktok', (ctx) => {
  const plan = ctx.query.plan || 'free';
  const url = new URL('https://www.tiktok.com/v2/auth/authorize/');
  url.searchParams.set('client_key', CLIENT_KEY);
  url.searchParams.set('scope', 'user.info.basic');
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', 'https://shop.example.com/oauth/tiktok');
  url.searchParams.set('state', encodeState(createNonce(), { plan }, CLIENT_SECRET));
  ctx.redirect(url.toString());
});

router.get('/oauth/tiktok', async (ctx) => {
  const { code } = ctx.query;
  const res = await fetch('https://open.tiktokapis.com/v2/oauth/token/?client_key=' + CLIENT_KEY +
    '&client_secret=' + CLIENT_SECRET + '&code=' + code + '&grant_type=authorization_code', { method: 'POST' });
  const json = await res.json();
  if (json.error) {
    ctx.throw(400, json.error_description);
  }
  ctx.cookies.set('tt_open_id', json.open_id);
  const tiktokState = readState(ctx.query.state, CLIENT_SECRET);
  ctx.redirect(`/onboarding?plan=${encodeURIComponent(tiktokState.params.plan)}`);
});

app.use(router.routes());
app.listen(3000);
