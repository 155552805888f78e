// The authorize side's second half: the moved parameters go into `state`, next to the anti-forgery value the code
// already sends (`state=${csrf}` becomes `state=${encodeState(csrf, { next }, SECRET)}`); with no state at all, a
// state carrying a fresh nonce is added right after redirect_uri, in the way the URL is built.
import { ts } from 'ts-morph';
import type { OAuthLookup, Param } from '../rules/oauth-lookup.js';
import { editAt, editNode } from '../scan/edits.js';
import { indentAt, layoutOf } from '../scan/layout.js';
import type { PlannedEdit } from '../scan/match.js';
import type { Reference } from '../scan/types.js';
import { WRAPPERS } from './redirect-uses.js';

/** `encodeState(<nonce>, { next }, SECRET)` for a nonce's code. */
export type Pack = (nonceCode: string) => string;

export interface StateEdit {
  edit: PlannedEdit;
  /** False when no state was sent: the nonce is new, and nothing checks it yet (state-missing still says so). */
  hadState: boolean;
}

export function packState(lookup: OAuthLookup, ref: Reference, redirect: Param, pack: Pack): StateEdit | { problem: string } {
  const state = ref.params?.find((p) => p.key === 'state');
  if (state) {
    const site = lookup.site(ref, state);
    if (!site) return { problem: `the state value (${state.value}) is not written where the tool can change it` };
    const { unit, node } = site;
    const parent = node.parent;
    if (ts.isShorthandPropertyAssignment(parent) && parent.name === node)
      return { edit: editNode(unit, parent, `state: ${pack(node.getText(unit.sf))}`), hadState: true };
    return { edit: editNode(unit, node, pack(node.getText(unit.sf))), hadState: true };
  }
  const site = lookup.site(ref, redirect);
  if (!site) return { problem: 'redirect_uri is not written where the tool can add state next to it' };
  const { unit } = site;
  const text = unit.sf.text;
  const value = outer(site.node);
  const parent = value.parent;
  const fresh = pack('createNonce()');
  if (ts.isTemplateSpan(parent)) {
    const close = text.indexOf('}', value.end);
    return { edit: editAt(unit, close + 1, close + 1, `&state=\${${fresh}}`), hadState: false };
  }
  if (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent)) {
    return { edit: editAt(unit, parent.end, parent.end, `, state: ${fresh}`), hadState: false };
  }
  if (ts.isBinaryExpression(parent) && parent.right === value) {
    const q = layoutOf(unit, parent).quote;
    return { edit: editAt(unit, value.end, value.end, ` + ${q}&state=${q} + ${fresh}`), hadState: false };
  }
  if (ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && ts.isExpressionStatement(parent.parent)) {
    const q = layoutOf(unit, parent).quote;
    const receiver = parent.expression.expression.getText(unit.sf);
    const method = parent.expression.name.text;
    const statement = parent.parent;
    const eol = layoutOf(unit).eol;
    const line = `${eol}${indentAt(text, statement.getStart(unit.sf))}${receiver}.${method}(${q}state${q}, ${fresh});`;
    return { edit: editAt(unit, statement.end, statement.end, line), hadState: false };
  }
  return { problem: 'the authorize URL sends no state, and the tool cannot tell where to add one' };
}

/** The whole value as written, encoder call included (`encodeURIComponent(REDIRECT_URI)`). */
function outer(node: ts.Expression): ts.Expression {
  let n: ts.Expression = node;
  for (;;) {
    const p = n.parent;
    if (ts.isParenthesizedExpression(p) || (ts.isCallExpression(p) && p.arguments[0] === n && ts.isIdentifier(p.expression) && WRAPPERS.has(p.expression.text))) n = p;
    else return n;
  }
}
