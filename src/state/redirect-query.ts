// The authorize side's first half: the code that writes a redirect URI's query string (`'…/callback?next=/home'`,
// `` `${BASE}/callback?next=${encodeURIComponent(to)}&src=login` ``, `BASE + '/callback?next=' + to`), followed from
// the redirect_uri parameter to where it is written, the edit that cuts the query off there, and the parameters it
// carried, each as code (a string literal for static text, the expression for a runtime value).
import { ts } from 'ts-morph';
import type { OAuthLookup, Param } from '../rules/oauth-lookup.js';
import { editAt } from '../scan/edits.js';
import { layoutOf, stringLiteral } from '../scan/layout.js';
import { decode } from '../scan/request-params.js';
import type { PlannedEdit } from '../scan/match.js';
import type { CodeUnit } from '../scan/parse.js';
import { skipOuter } from '../scan/resolve.js';
import type { Reference } from '../scan/types.js';
import { isRedirectUse, usesOfDeclaration, WRAPPERS } from './redirect-uses.js';

const MAX_FOLLOW = 6;

/** One parameter the redirect URI carried: its name and its value as code. */
export interface MovedParam {
  key: string;
  code: string;
}

export interface QueryCut {
  edit: PlannedEdit;
  params: MovedParam[];
  /** The redirect URI once cut, as code (`'https://app/cb'`, `` `${BASE}/cb` ``), for messages. */
  cutCode: string;
  /** The path the callback answers (`/auth/callback`), when the cut URI shows it. */
  path?: string;
  /** Where the query is written (for dedupe: two calls sharing one constant share one cut). */
  key: string;
}

type Part = { kind: 'text'; text: string } | { kind: 'expr'; node: ts.Expression };

/** The cut for the redirect_uri of `ref`, a reason it cannot be made, or undefined when the URI has no query in code. */
export function findQueryCut(lookup: OAuthLookup, ref: Reference, param: Param): QueryCut | { problem: string } | undefined {
  const site = lookup.site(ref, param);
  if (!site) return undefined;
  let unit = site.unit;
  let node = strip(site.node);
  for (let i = 0; i < MAX_FOLLOW && (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)); i++) {
    const target = lookup.declaration(unit, node);
    if (!target) return undefined;
    const uses = usesOfDeclaration(lookup, target.unit, target.expr);
    if (uses.some((u) => !isRedirectUse(u.node))) {
      const other = uses.find((u) => !isRedirectUse(u.node))!;
      return { problem: `${node.getText(unit.sf)} is also used for something other than redirect_uri (${lookup.position(other.unit, other.node).line > 0 ? `line ${lookup.position(other.unit, other.node).line} of ${other.unit.file}` : 'elsewhere'}), so cutting its query could change that use` };
    }
    unit = target.unit;
    node = strip(target.expr);
  }
  return cutIn(unit, node, (e) => knownText(lookup, unit, e));
}

function strip(e: ts.Expression): ts.Expression {
  let n = skipOuter(e);
  while (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && WRAPPERS.has(n.expression.text) && n.arguments.length === 1) n = skipOuter(n.arguments[0]);
  return n;
}

/** The cut inside one expression: a string, a template, or a `+` chain whose '?' is in one of its own literals. */
function cutIn(unit: CodeUnit, node: ts.Expression, textOf: (e: ts.Expression) => string | undefined): QueryCut | { problem: string } | undefined {
  const sf = unit.sf;
  const operands = ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken ? plusOperands(node) : [node];
  for (let i = 0; i < operands.length; i++) {
    const op = skipOuter(operands[i]);
    const literal = literalParts(sf, op);
    if (!literal) continue;
    const at = literal.findIndex((p) => p.kind === 'text' && p.raw.includes('?'));
    if (at < 0) continue;
    const piece = literal[at] as LiteralText;
    const q = piece.rawStart + piece.raw.indexOf('?');
    const after: Part[] = [{ kind: 'text', text: piece.cooked.slice(piece.cooked.indexOf('?') + 1) }];
    for (const p of literal.slice(at + 1)) after.push(p.kind === 'text' ? { kind: 'text', text: p.cooked } : p);
    for (const rest of operands.slice(i + 1)) {
      const more = literalParts(sf, skipOuter(rest));
      if (more) for (const p of more) after.push(p.kind === 'text' ? { kind: 'text', text: p.cooked } : p);
      else after.push({ kind: 'expr', node: rest });
    }
    const params = parseQuery(unit, after);
    if ('problem' in params) return params;
    const close = op.end - 1; // the closing quote or backtick of the literal holding '?'
    let edit = editAt(unit, q, node.end - 1 === close ? close : node.end, node.end - 1 === close ? '' : sf.text[close]);
    const before = sf.text.slice(node.getStart(sf), q) + sf.text[close];
    // `${REDIRECT_URI}` alone, where it is turned into text anyway (encodeURIComponent, a template): just the name.
    const lone = operands.length === 1 && ts.isTemplateExpression(op) && op.templateSpans.length > 0 && op.head.text === '' &&
      q === op.templateSpans[0].literal.getStart(sf) + 1 && stringifies(node);
    if (lone) edit = editAt(unit, node.getStart(sf), node.end, op.templateSpans[0].expression.getText(sf));
    // `REDIRECT_URI + '?next=' + x`: the literal would be left empty, so the cut drops it and the '+' before it.
    const empty = i > 0 && q === op.getStart(sf) + 1;
    if (empty) edit = editAt(unit, operands[i - 1].end, node.end, '');
    const cutCode = lone ? edit.text : empty ? sf.text.slice(node.getStart(sf), operands[i - 1].end) : before;
    // The callback path: the text before '?', with the names before it (`${REDIRECT_URI}?…`) read where they are known.
    const prefix: (string | ts.Expression)[] = [...operands.slice(0, i)];
    for (const p of literal.slice(0, at)) prefix.push(p.kind === 'text' ? p.cooked : p.node);
    prefix.push(piece.cooked.slice(0, piece.cooked.indexOf('?')));
    const known = prefix.map((b) => (typeof b === 'string' ? b : textOf(b)));
    const lastUnknown = known.lastIndexOf(undefined);
    const path = pathOf(known.slice(lastUnknown + 1).join(''), lastUnknown < 0);
    return { edit, params: params.list, cutCode, path, key: `${unit.file}:${unit.offset + q}` };
  }
  return undefined;
}

/** The value is turned into text where it is used: an encoder's argument or a template's ${}. */
function stringifies(node: ts.Expression): boolean {
  let n: ts.Node = node;
  while (ts.isParenthesizedExpression(n.parent)) n = n.parent;
  const p = n.parent;
  return ts.isTemplateSpan(p) || (ts.isCallExpression(p) && ts.isIdentifier(p.expression) && WRAPPERS.has(p.expression.text) && p.arguments[0] === n);
}

function plusOperands(node: ts.Expression): ts.Expression[] {
  const e = skipOuter(node);
  if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...plusOperands(e.left), e.right];
  return [e];
}

interface LiteralText {
  kind: 'text';
  raw: string;
  rawStart: number;
  cooked: string;
}

/** A string or template literal as text pieces (raw source and cooked value) and the expressions between them. */
function literalParts(sf: ts.SourceFile, e: ts.Expression): (LiteralText | { kind: 'expr'; node: ts.Expression })[] | undefined {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) {
    const start = e.getStart(sf) + 1;
    return [{ kind: 'text', raw: sf.text.slice(start, e.end - 1), rawStart: start, cooked: e.text }];
  }
  if (!ts.isTemplateExpression(e)) return undefined;
  const head = e.head.getStart(sf) + 1;
  const out: (LiteralText | { kind: 'expr'; node: ts.Expression })[] = [
    { kind: 'text', raw: sf.text.slice(head, e.head.end - 2), rawStart: head, cooked: e.head.text },
  ];
  for (const span of e.templateSpans) {
    out.push({ kind: 'expr', node: span.expression });
    const start = span.literal.getStart(sf) + 1;
    const end = ts.isTemplateTail(span.literal) ? span.literal.end - 1 : span.literal.end - 2;
    out.push({ kind: 'text', raw: sf.text.slice(start, end), rawStart: start, cooked: span.literal.text });
  }
  return out;
}

/** `key=value&…` over text and runtime parts: keys must be text; a value may mix both. */
function parseQuery(unit: CodeUnit, parts: Part[]): { list: MovedParam[] } | { problem: string } {
  const pairs: Part[][] = [[]];
  for (const p of parts) {
    if (p.kind === 'expr') {
      pairs[pairs.length - 1].push(p);
      continue;
    }
    if (p.text.includes('#')) return { problem: 'the redirect URI has a #fragment, which v2 rejects; remove it by hand' };
    p.text.split('&').forEach((chunk, i) => {
      if (i > 0) pairs.push([]);
      if (chunk !== '') pairs[pairs.length - 1].push({ kind: 'text', text: chunk });
    });
  }
  const list: MovedParam[] = [];
  for (const pair of pairs.filter((x) => x.length > 0)) {
    const first = pair[0];
    if (first.kind !== 'text') return { problem: 'a query parameter name is chosen at run time' };
    const eq = first.text.indexOf('=');
    const key = decode(eq < 0 ? first.text : first.text.slice(0, eq));
    const value: Part[] = eq < 0 ? [] : [{ kind: 'text', text: first.text.slice(eq + 1) }, ...pair.slice(1)];
    if (eq < 0 && pair.length > 1) return { problem: 'a query parameter name is chosen at run time' };
    if (!/^[A-Za-z_$][\w$-]*$/.test(key)) return { problem: `the query parameter name ${JSON.stringify(key)} cannot be carried safely` };
    if (list.some((l) => l.key === key)) return { problem: `the query parameter ${key} appears twice` };
    list.push({ key, code: valueCode(unit, value.filter((v) => v.kind === 'expr' || v.text !== '')) });
  }
  return { list };
}

/** The code of a value: a string literal for text, the expression itself, or a template for a mix. */
function valueCode(unit: CodeUnit, parts: Part[]): string {
  const sf = unit.sf;
  const layout = layoutOf(unit);
  if (parts.every((p) => p.kind === 'text')) return quote(parts.map((p) => decode((p as { text: string }).text)).join(''), layout.quote);
  if (parts.length === 1) return strip((parts[0] as { node: ts.Expression }).node).getText(sf);
  const body = parts
    .map((p) => (p.kind === 'text' ? decode(p.text).replace(/[`\\]|\$\{/g, (m) => `\\${m}`) : `\${${strip(p.node).getText(sf)}}`))
    .join('');
  return `\`${body}\``;
}

function quote(text: string, q: string): string {
  return stringLiteral(text, { quote: q, unit: '', eol: '' }).replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

/** The callback's path: the static text before '?', after the host when the host is written there too. */
function pathOf(beforeQuery: string, whole: boolean): string | undefined {
  const m = /^(?:[a-z][a-z\d+.-]*:)?\/\/[^/]*(\/[^?#]*)?$/i.exec(beforeQuery);
  if (m) return m[1] || '/';
  // After a runtime base (`${BASE}/callback`): the text is the end of the path.
  return !whole && beforeQuery.startsWith('/') ? beforeQuery : undefined;
}

/** The text an expression stands for when it is known: a constant, or a `.env*` value (the one value all files agree on). */
function knownText(lookup: OAuthLookup, unit: CodeUnit, e: ts.Expression): string | undefined {
  const texts = new Set<string>();
  for (const shape of lookup.shapes(unit, e)) {
    let text = '';
    for (const part of shape.parts) {
      if (part.kind === 'hole') return undefined;
      if (part.kind === 'text') text += part.text;
      else {
        const values = new Set((lookup.env().get(part.name) ?? []).map((l) => l.value).filter((v) => v !== ''));
        if (values.size !== 1) return undefined;
        text += [...values][0];
      }
    }
    texts.add(text);
  }
  return texts.size === 1 ? [...texts][0] : undefined;
}
