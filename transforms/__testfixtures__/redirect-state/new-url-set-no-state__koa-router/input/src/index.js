const Koa = require('koa');
const Router = require('@koa/router');
const fetch = require('node-fetch');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;

const app = new Koa();
const router = new Router();

router.get('/connect/tiktok', (ctx) => {
  const plan = ctx.query.plan || 'free';
  const url = new URL('https://www.tiktok.com/auth/authorize/');
  url.searchParams.set('client_key', CLIENT_KEY);
  url.searchParams.set('scope', 'user.info.basic');
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('redirect_uri', 'https://shop.example.com/oauth/tiktok?plan=' + plan);
  ctx.redirect(url.toString());
});

router.get('/oauth/tiktok', async (ctx) => {
  const { code } = ctx.query;
  const res = await fetch('https://open-api.tiktok.com/oauth/access_token/?client_key=' + CLIENT_KEY +
    '&client_secret=' + CLIENT_SECRET + '&code=' + code + '&grant_type=authorization_code', { method: 'POST' });
  const json = await res.json();
  if (json.data.error_code !== 0) {
    ctx.throw(400, json.data.description);
  }
  ctx.cookies.set('tt_open_id', json.data.open_id);
  ctx.redirect(`/onboarding?plan=${encodeURIComponent(ctx.query.plan)}`);
});

app.use(router.routes());
app.listen(3000);
