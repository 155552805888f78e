// got and superagent take a form body their own way: got's `form` option, superagent's `.type('form').send({…})`.
// Both send exactly `application/x-www-form-urlencoded`, as v2 wants.
import { ts } from 'ts-morph';
import type { CallSite } from './calls.js';
import { indentAt, printObject, stringLiteral, type Layout } from './layout.js';
import type { PlannedEdit } from './match.js';
import { sourceWithEdits, type Param } from './request-params.js';
import { propertyName, skipOuter } from './resolve.js';
import { editAt } from './edits.js';

type Edits = { edits: PlannedEdit[] } | { problem: string };

/** got.post(url, { searchParams: {…} }) -> got.post(url, { form: {…} }) */
export function gotEdits(site: CallSite, params: Param[], layout: Layout, urlEdits: PlannedEdit[]): Edits {
  const { unit, call } = site;
  const edits: PlannedEdit[] = [];
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'get') edits.push(replace(site, callee.name, 'post'));
  else if (!(ts.isPropertyAccessExpression(callee) && callee.name.text === 'post')) return { problem: 'use got.post for a token call' };
  const options = call.arguments?.[1] && skipOuter(call.arguments[1]);
  const entries = params.map((p): [string, string] => [p.key, p.value]);
  if (!options) {
    const indent = indentAt(unit.sf.text, call.getStart(unit.sf));
    return { edits: [...edits, insert(site, site.urlArg.end, `, { form: ${printObject(entries, layout, true, indent)} }`)] };
  }
  if (!ts.isObjectLiteralExpression(options)) return { problem: 'the got options are not an object literal here' };
  const indent = indentAt(unit.sf.text, options.getStart(unit.sf));
  const kept = options.properties
    .filter((p) => !(p.name && ['searchParams', 'json', 'body', 'form', 'method'].includes(propertyName(p.name) ?? '')))
    .map((p): [string, string] => {
      const text = sourceWithEdits(unit, p, urlEdits);
      return [text, text];
    });
  const form: [string, string] = ['form', printObject(entries, layout, true, indent + layout.unit)];
  edits.push(replace(site, options, printObject([form, ...kept], layout, true, indent)));
  return { edits };
}

/** superagent.post(url).query({…}) -> superagent.post(url).type('form').send({…}) */
export function superagentEdits(site: CallSite, params: Param[], object: ts.ObjectLiteralExpression | undefined, layout: Layout): Edits {
  const { unit, call } = site;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !['post', 'get'].includes(callee.name.text)) return { problem: 'use superagent.post for a token call' };
  const edits: PlannedEdit[] = callee.name.text === 'get' ? [replace(site, callee.name, 'post')] : [];
  const send = (at: number) =>
    `type(${stringLiteral('form', layout)}).send(${printObject(params.map((p) => [p.key, p.value]), layout, true, indentAt(unit.sf.text, at))})`;
  // The chained .query({…}) / .send({…}) that carried the parameters is replaced; otherwise the form is added.
  for (let n: ts.Node = call; ts.isPropertyAccessExpression(n.parent) && ts.isCallExpression(n.parent.parent); n = n.parent.parent) {
    const step = n.parent.parent as ts.CallExpression;
    if (object && step.arguments.some((a) => skipOuter(a) === object)) {
      edits.push(replaceRange(site, n.parent.name.getStart(unit.sf), step.end, send(n.parent.name.getStart(unit.sf))));
      return { edits };
    }
  }
  edits.push(insert(site, call.end, `.${send(call.getStart(unit.sf))}`));
  return { edits };
}

function replace(site: CallSite, node: ts.Node, text: string): PlannedEdit {
  return replaceRange(site, node.getStart(site.unit.sf), node.end, text);
}

function replaceRange(site: CallSite, from: number, to: number, text: string): PlannedEdit {
  return editAt(site.unit, from, to, text);
}

function insert(site: CallSite, at: number, text: string): PlannedEdit {
  return replaceRange(site, at, at, text);
}
