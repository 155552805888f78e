// passport: a passport-oauth2 (or passport-oauth) strategy pointed at TikTok, and TikTok strategies such as
// passport-tiktok-auth, built with `new Strategy(options, verify)` or `class X extends Strategy { constructor() {
// super(options) } }` (NestJS PassportStrategy(Strategy) too). The URLs are migrated by the scanner; this reports what
// the library does in v1 style. Facts (checked in the packages' sources):
// - passport-oauth2 1.8.0 sets client_id on the authorize URL (lib/strategy.js) and node-oauth 0.10.2's
//   getOAuthAccessToken() posts client_id + client_secret; authorizationParams() / tokenParams() add parameters.
//   It joins an array scope with scopeSeparator, ' ' by default. node-oauth's _oauth2.get() sends the token as
//   ?access_token= unless useAuthorizationHeaderforGET(true). The token JSON reaches verify() as `params`, as sent.
// - passport-tiktok-auth 1.0.8+ has `version` ('v2' by default; 'v1' keeps the v1 URLs, the token request in the
//   query string and user info by POST); 1.0.4 and 1.0.5 speak v1 only.
import { ts } from 'ts-morph';
import type { Finding } from '../report/model.js';
import { Evaluator } from '../scan/evaluate.js';
import type { CodeUnit } from '../scan/parse.js';
import { propertyName, Resolver, skipOuter } from '../scan/resolve.js';
import { bindingOf, importBindings, named, nodeFinding, parsedJson, pinnedVersion, propValue, stringOf, v1WrapperReads, versionBelow, walk, type Detector, type ImportBinding } from './common.js';

const GENERIC = /^passport-oauth2?$/;
const TIKTOK_PKG = /^passport-[\w-]*tiktok|^[\w-]*tiktok[\w-]*passport/i;
const STRATEGY_NAMES = new Set(['*', 'default', 'Strategy', 'OAuth2Strategy']);
const HOOKS = ['userProfile', 'authenticate', 'getOAuthAccessToken', '_loadUserProfile'];

interface Site {
  node: ts.Node;
  pkg: string;
  options?: ts.ObjectLiteralExpression;
  optionsUnit: CodeUnit;
  verify?: ts.SignatureDeclaration;
}

export const passport: Detector = (scan, cwd) => {
  const resolver = new Resolver(scan.units);
  const evaluator = new Evaluator(resolver);
  const out: Finding[] = [];
  for (const unit of scan.units) {
    const bindings = importBindings(unit.sf).filter((b) => GENERIC.test(b.specifier) || TIKTOK_PKG.test(b.specifier));
    if (bindings.length === 0) continue;
    for (const site of sites(unit, bindings, resolver)) {
      if (!TIKTOK_PKG.test(site.pkg)) {
        if (site.options && pointsAtTikTok(site.optionsUnit, site.options, evaluator)) out.push(...checkGeneric(unit, site, cwd));
      } else out.push(...checkTikTokPackage(unit, site, cwd));
      const paramsName = site.verify && site.verify.parameters.length >= 5 ? site.verify.parameters[site.verify.parameters.length - 3].name : undefined;
      if (site.verify && paramsName && ts.isIdentifier(paramsName) && (TIKTOK_PKG.test(site.pkg) || pointsAtTikTok(site.optionsUnit, site.options, evaluator))) {
        const reads = v1WrapperReads(site.verify, named(paramsName.text));
        if (reads.length > 0)
          out.push(nodeFinding(unit, reads[0], cwd, 'error', 'manual',
            `The verify callback reads ${reads[0].getText(unit.sf)}: ${site.pkg} passes the token response to it as ${paramsName.text}, as TikTok sent ` +
            'it, and v2 sends it flat, without v1\'s data wrapper (spec section 3).',
            `Read the fields at the top level: ${paramsName.text}.open_id, ${paramsName.text}.expires_in, … (accessToken and refreshToken are already the v2 values).`));
      }
    }
  }
  return out;
};

/** Every `new Strategy(options, verify)` and `super(options, verify)` of a class extending the strategy. */
function sites(unit: CodeUnit, bindings: ImportBinding[], resolver: Resolver): Site[] {
  const isStrategy = (e: ts.Expression): ImportBinding | undefined => {
    const found = bindingOf(e, bindings);
    const name = found?.member ?? found?.binding.imported;
    return found && name && (STRATEGY_NAMES.has(name) || (found.member && found.binding.imported !== '*' && STRATEGY_NAMES.has(found.binding.imported)))
      ? found.binding : undefined;
  };
  const out: Site[] = [];
  const add = (node: ts.Node, binding: ImportBinding, args: readonly ts.Expression[]) => {
    let options: ts.ObjectLiteralExpression | undefined;
    let optionsUnit = unit;
    const first = args[0] && skipOuter(args[0]);
    if (first && ts.isObjectLiteralExpression(first)) options = first;
    else if (first && ts.isIdentifier(first)) {
      const target = resolver.identifier(unit, first);
      if (target?.kind === 'expr' && ts.isObjectLiteralExpression(skipOuter(target.expr))) {
        options = skipOuter(target.expr) as ts.ObjectLiteralExpression;
        optionsUnit = target.unit;
      }
    }
    const v = args[1] && skipOuter(args[1]);
    const verify = v && (ts.isArrowFunction(v) || ts.isFunctionExpression(v)) ? v : undefined;
    out.push({ node, pkg: binding.specifier, options, optionsUnit, verify });
  };
  walk(unit.sf, (node) => {
    if (ts.isNewExpression(node)) {
      const binding = isStrategy(node.expression);
      if (binding) add(node, binding, node.arguments ?? []);
    }
    if (ts.isClassLike(node)) {
      const base = node.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
      const call = base && ts.isCallExpression(base) ? base : undefined;
      const binding = base && (isStrategy(base) ?? call?.arguments.map(isStrategy).find(Boolean));
      if (!binding) return;
      walk(node, (n) => {
        if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.SuperKeyword) add(n, binding, n.arguments);
      });
    }
  });
  return out;
}

function pointsAtTikTok(unit: CodeUnit, options: ts.ObjectLiteralExpression | undefined, evaluator: Evaluator): boolean {
  if (!options) return false;
  return ['authorizationURL', 'tokenURL', 'profileURL'].some((key) => {
    const v = propValue(options, key);
    if (!v) return false;
    if (/tiktok/i.test(v.getText(unit.sf))) return true;
    return evaluator.evaluate(unit, v).pieces.some((p) => p.kind === 'text' && /tiktok/i.test(p.text));
  });
}

/** Functions defined for a strategy hook in the file: class methods and `x.hook = function` / `X.prototype.hook = …`. */
function hooks(unit: CodeUnit, name: string): ts.Node[] {
  const out: ts.Node[] = [];
  walk(unit.sf, (n) => {
    if (ts.isMethodDeclaration(n) && n.name && propertyName(n.name) === name) out.push(n);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left) && n.left.name.text === name)
      out.push(n.right);
  });
  return out;
}

function checkGeneric(unit: CodeUnit, site: Site, cwd: string): Finding[] {
  const out: Finding[] = [];
  const options = site.options!;
  const sendsKey = (hook: string) => hooks(unit, hook).some((h) => /client_key/.test(h.getText(unit.sf)));
  const missing = [
    !sendsKey('authorizationParams') && !/client_key=/.test(propValue(options, 'authorizationURL')?.getText(site.optionsUnit.sf) ?? '') ? 'the authorize redirect' : '',
    !sendsKey('tokenParams') ? 'the code exchange' : '',
  ].filter(Boolean);
  if (missing.length > 0)
    out.push(nodeFinding(unit, site.node, cwd, 'error', 'manual',
      `${site.pkg} sends client_id, never client_key: it puts client_id on the authorize URL and node-oauth's getOAuthAccessToken() posts ` +
      `client_id and client_secret. TikTok reads client_key (spec sections 2 and 5), so ${missing.join(' and ')} ${missing.length > 1 ? 'fail' : 'fails'}.`,
      "Return client_key from passport-oauth2's hooks (subclass the strategy, or set them on this instance): authorizationParams() { return { client_key: <client key> }; } " +
      'and tokenParams() { return { client_key: <client key> }; }, as the TikTok strategies passport-tiktok-auth and passport-tiktok-oauth2 do; or use one of them (v2 by default).'));
  const scope = propValue(options, 'scope');
  const separator = stringOf(propValue(options, 'scopeSeparator'));
  const several = scope && ((ts.isArrayLiteralExpression(scope) && scope.elements.length > 1) || / /.test(stringOf(scope) ?? ''));
  if (several && separator !== ',')
    out.push(nodeFinding(unit, scope, cwd, 'warning', 'manual',
      `${site.pkg} joins the scopes with scopeSeparator, ' ' by default; TikTok's scopes are comma-separated (spec section 5).`,
      "Add scopeSeparator: ',' to the strategy options (and list the scopes as an array)."));
  const headerForGet = /useAuthorizationHeaderforGET\s*\(\s*true\s*\)/.test(unit.sf.text);
  for (const fn of hooks(unit, 'userProfile')) {
    const text = fn.getText(unit.sf);
    if (/_oauth2\s*\.\s*get\s*\(/.test(text) && !headerForGet)
      out.push(nodeFinding(unit, fn, cwd, 'error', 'manual',
        "userProfile() fetches with this._oauth2.get(), which sends the token as ?access_token= unless useAuthorizationHeaderforGET(true) is " +
        'called (node-oauth 0.10.2); v2 user info needs Authorization: Bearer and ?fields= (spec section 2).',
        "Call this._oauth2.useAuthorizationHeaderforGET(true) once (in the constructor, after super()) and get 'https://open.tiktokapis.com/v2/user/info/?fields=open_id,avatar_url,display_name'; the user is at json.data.user."));
    if (/_oauth2\s*\.\s*_request\s*\(\s*['"`]POST/.test(text))
      out.push(nodeFinding(unit, fn, cwd, 'error', 'manual',
        'userProfile() posts to user info with this._oauth2._request(\'POST\', …), the v1 request; v2 user info is a GET without a body (spec section 2).',
        "Use this._oauth2.useAuthorizationHeaderforGET(true) and this._oauth2.get('https://open.tiktokapis.com/v2/user/info/?fields=open_id,avatar_url,display_name', accessToken, cb)."));
  }
  out.push(...wrapperReadsInHooks(unit, cwd));
  return out;
}

/** Token-response reads in the v1 shape inside the strategy's own overrides (bodies parsed with JSON.parse). */
function wrapperReadsInHooks(unit: CodeUnit, cwd: string): Finding[] {
  return HOOKS.flatMap((hook) => hooks(unit, hook)).flatMap((fn) => {
    const reads = v1WrapperReads(fn, parsedJson(fn));
    return reads.length === 0 ? [] : [nodeFinding(unit, reads[0], cwd, 'error', 'manual',
      `This strategy parses a TikTok response in the v1 shape (${reads[0].getText(unit.sf)}): v2 token responses are flat and errors are ` +
      'error / error_description (spec section 3).',
      'Read the token fields at the top level (json.access_token, json.open_id); user info keeps its user under json.data.user.')];
  });
}

function checkTikTokPackage(unit: CodeUnit, site: Site, cwd: string): Finding[] {
  const out: Finding[] = [];
  const known = site.pkg === 'passport-tiktok-auth';
  const version = site.options && propValue(site.options, 'version');
  if (version && /^v?1(\.|$)/i.test(stringOf(version) ?? ''))
    out.push(nodeFinding(site.optionsUnit, version.parent, cwd, 'error', 'manual',
      known
        ? "passport-tiktok-auth's version: 'v1' selects the v1 endpoints, the token request in the query string and user info by POST (lib/passport-tiktok/strategy.js, 1.0.12)."
        : `This ${site.pkg} strategy's version option selects TikTok's v1 API.`,
      known
        ? "Remove version (passport-tiktok-auth defaults to 'v2' since 1.0.8) or set version: 'v2'; users signed in with v1 tokens sign in again."
        : `Set version to 'v2' if ${site.pkg} supports it (check its README); otherwise move to a v2 strategy such as passport-tiktok-auth 1.0.8 or later.`));
  const pinned = known ? pinnedVersion(unit.file, site.pkg) : undefined;
  if (pinned && versionBelow(pinned, '1.0.8'))
    out.push(nodeFinding(unit, site.node, cwd, 'error', 'manual',
      `passport-tiktok-auth ${pinned} speaks only v1: before 1.0.8 it hard-codes https://open-api.tiktok.com/… and sends the token request in the query string.`,
      'Upgrade passport-tiktok-auth to 1.0.8 or later (v2 by default) and remove any version: \'v1\' option.'));
  out.push(...wrapperReadsInHooks(unit, cwd));
  return out;
}
