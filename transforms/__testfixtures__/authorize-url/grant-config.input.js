const express = require('express');
const session = require('express-session');
const grant = require('grant').express();

const app = express();

app.use(session({ secret: process.env.SESSION_SECRET, saveUninitialized: true, resave: false }));
app.use(grant({
  defaults: {
    origin: 'https://app.example.com',
    transport: 'session',
    state: true,
  },
  tiktok: {
    key: process.env.TIKTOK_CLIENT_KEY,
    secret: process.env.TIKTOK_CLIENT_SECRET,
    authorize_url: 'https://www.tiktok.com/auth/authorize/',
    access_url: 'https://open-api.tiktok.com/oauth/access_token/',
    oauth: 2,
    scope_delimiter: ',',
    scope: ['user.info.basic'],
    callback: '/auth/tiktok/done',
  },
}));

module.exports = app;
