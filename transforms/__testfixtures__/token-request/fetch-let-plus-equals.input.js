// Based on the Login Kit for Web v1 sample: build the URL step by step, POST it.
const express = require('express');

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const SERVER_ENDPOINT_REDIRECT = 'https://example.com/auth/tiktok/callback';

const app = express();

app.get('/oauth', (req, res) => {
  const csrfState = Math.random().toString(36).substring(2);
  res.cookie('csrfState', csrfState, { maxAge: 60000 });

  let url = 'https://www.tiktok.com/auth/authorize/';
  url += '?client_key=' + CLIENT_KEY;
  url += '&scope=user.info.basic';
  url += '&response_type=code';
  url += '&redirect_uri=' + SERVER_ENDPOINT_REDIRECT;
  url += '&state=' + csrfState;

  res.redirect(url);
});

app.get('/auth/tiktok/callback', (req, res) => {
  const { code } = req.query;

  let url_access_token = 'https://open-api.tiktok.com/oauth/access_token/';
  url_access_token += '?client_key=' + CLIENT_KEY;
  url_access_token += '&client_secret=' + CLIENT_SECRET;
  url_access_token += '&code=' + code;
  url_access_token += '&grant_type=authorization_code';

  fetch(url_access_token, { method: 'post' })
    .then((r) => r.json())
    .then((json) => {
      res.send(json.data.open_id);
    });
});

module.exports = app;
