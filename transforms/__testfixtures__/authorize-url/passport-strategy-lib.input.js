var util = require('util');
var OAuth2Strategy = require('passport-oauth2');
var InternalOAuthError = require('passport-oauth2').InternalOAuthError;

function Strategy(options, verify) {
  options = options || {};
  options.authorizationURL = options.authorizationURL || 'https://open-api.tiktok.com/platform/oauth/connect/';
  options.tokenURL = options.tokenURL || 'https://open-api.tiktok.com/oauth/access_token/';
  options.scopeSeparator = options.scopeSeparator || ',';

  OAuth2Strategy.call(this, options, verify);
  this.name = 'tiktok';
  this._userProfileURL = options.userProfileURL || 'https://open-api.tiktok.com/oauth/userinfo/';
}

util.inherits(Strategy, OAuth2Strategy);

Strategy.prototype.authorizationParams = function (options) {
  return { client_key: this._oauth2._clientId };
};

Strategy.prototype.userProfile = function (accessToken, done) {
  this._oauth2.get(this._userProfileURL + '?access_token=' + accessToken, null, function (err, body) {
    if (err) { return done(new InternalOAuthError('failed to fetch user profile', err)); }
    try {
      var json = JSON.parse(body);
      done(null, { provider: 'tiktok', id: json.data.open_id, displayName: json.data.display_name, _raw: body, _json: json });
    } catch (e) {
      done(e);
    }
  });
};

module.exports = Strategy;
