const crypto = require("crypto");
const express = require("express");
const session = require("express-session");

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = "https://team.example.com/oauth/callback";

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));

app.get("/oauth/start", (req, res) => {
  const state = crypto.randomBytes(16).toString("hex");
  req.session.oauthState = state;
  const url = `https://www.tiktok.com/auth/authorize/?client_key=${CLIENT_KEY}&scope=user.info.basic&response_type=code&redirect_uri=${encodeURIComponent(`${REDIRECT_URI}?workspace=${req.query.workspace}`)}&state=${state}`;
  res.redirect(url);
});

app.get("/oauth/callback", async (req, res) => {
  const { code, state, workspace } = req.query;
  if (state !== req.session.oauthState) {
    return res.status(403).send("Bad state");
  }
  const tokenRes = await fetch(`https://open-api.tiktok.com/oauth/access_token/?client_key=${CLIENT_KEY}&client_secret=${CLIENT_SECRET}&code=${code}&grant_type=authorization_code`, { method: "POST" });
  const json = await tokenRes.json();
  req.session.tiktok = { workspace, token: json.data.access_token };
  res.redirect(`/workspaces/${encodeURIComponent(workspace)}`);
});

app.listen(3000);
