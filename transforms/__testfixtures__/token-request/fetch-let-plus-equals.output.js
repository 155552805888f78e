// Based on the Login Kit for Web v1 sample: build the URL step by step, POST it.
const express = require('express');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const SERVER_ENDPOINT_REDIRECT = 'https://example.com/auth/tiktok/callback';

const app = express();

app.get('/oauth', (req, res) => {
  const csrfState = Math.random().toString(36).substring(2);
  res.cookie('csrfState', csrfState, { maxAge: 60000 });

  let url = 'https://www.tiktok.com/v2/auth/authorize/';
  url += '?client_key=' + CLIENT_KEY;
  url += '&scope=user.info.basic';
  url += '&response_type=code';
  url += '&redirect_uri=' + SERVER_ENDPOINT_REDIRECT;
  url += '&state=' + csrfState;

  res.redirect(url);
});

app.get('/auth/tiktok/callback', (req, res) => {
  const { code } = req.query;

  let url_access_token = 'https://open.tiktokapis.com/v2/oauth/token/';

  fetch(url_access_token, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code,
      grant_type: 'authorization_code',
      redirect_uri: SERVER_ENDPOINT_REDIRECT,
    }),
  })
    .then((r) => r.json())
    .then((json) => {
      res.send(json.open_id);
    });
});

module.exports = app;
