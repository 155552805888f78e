const crypto = require("crypto");
const express = require("express");
const session = require("express-session");
const { encodeState, readState } = require("./tiktok-state");

const CLIENT_KEY = process.env.TIKTOK_CLIENT_KEY;
const CLIENT_SECRET = process.env.TIKTOK_CLIENT_SECRET;
const REDIRECT_URI = "https://team.example.com/oauth/callback";

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: true }));

app.get("/oauth/start", (req, res) => {
  const state = crypto.randomBytes(16).toString("hex");
  req.session.oauthState = state;
  const url = `https://www.tiktok.com/v2/auth/authorize/?client_key=${CLIENT_KEY}&scope=user.info.basic&response_type=code&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=${encodeState(state, { workspace: req.query.workspace }, CLIENT_SECRET)}`;
  res.redirect(url);
});

app.get("/oauth/callback", async (req, res) => {
  const tiktokState = readState(req.query.state, CLIENT_SECRET);
  const { code } = req.query;
  const state = tiktokState.nonce;
  const workspace = tiktokState.params.workspace;
  if (state !== req.session.oauthState) {
    return res.status(403).send("Bad state");
  }
  const tokenRes = await fetch(`https://open.tiktokapis.com/v2/oauth/token/`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_key: CLIENT_KEY,
      client_secret: CLIENT_SECRET,
      code,
      grant_type: "authorization_code",
      redirect_uri: REDIRECT_URI,
    }),
  });
  const json = await tokenRes.json();
  req.session.tiktok = { workspace, token: json.access_token };
  res.redirect(`/workspaces/${encodeURIComponent(workspace)}`);
});

app.listen(3000);
