// Follows a value forward through code (mixed-token-use): from a URL to the HTTP calls that send it, and from a token
// call's response to the calls its tokens reach. Through awaits, .then callbacks, property reads, destructuring,
// object/array/template/`+` containers, variables, assignments, returns (to the caller that passed the value in, or
// to every caller), arguments into our own functions, and stores: a module-level variable or object, a Map-like
// `.set()`, a class's `this.x`, `req.session.x`-style paths. Field-aware for object literals (`{ tokenUrl }` is not
// `{ userInfoUrl }`), call-context-aware for returns, bounded in steps; what it cannot follow it leaves alone.
import { ts } from 'ts-morph';
import { skipOuter } from '../scan/resolve.js';
import type { CallLike, FlowProgram, FunctionNode } from './token-flow-program.js';
import {
  calleeName, enclosingClass, enclosingFunction, isCallee, isMapDeclaration, isMapDeclarationUse, mapKey, memberPath, rootOfBinding,
  staticName, thisKeywords,
} from './token-flow-nodes.js';

interface Frame {
  call: CallLike;
  fn: FunctionNode;
}

export interface Item {
  node: ts.Node;
  /** Where in the node's value the followed value sits ('*' any member); [] is the whole value. */
  path: string[];
  stack: Frame[];
  /** How the value got here, for messages: "returned by exchangeCode()", "stored in session.tokens". */
  via: string[];
}

/** At a call the value is an argument of: true when the walk ends there (a site found). */
export type AtCall = (call: CallLike, item: Item) => boolean;

const MAX_STEPS = 20000;
const MAX_PATH = 3;
const MAX_STACK = 6;
const MAX_VIA = 4;
/** Calls whose result carries their argument's value. */
const WRAPPERS = new Set(['stringify', 'String', 'encodeURIComponent', 'encodeURI', 'URLSearchParams', 'URL', 'from', 'btoa', 'resolve', 'all', 'assign', 'format', 'toString']);
/** Methods that put an argument into their receiver. */
const MUTATORS = new Set(['set', 'append', 'push', 'add', 'unshift']);

export class ValueWalk {
  private readonly queue: Item[] = [];
  private readonly seen = new Set<string>();
  private steps = 0;

  /** `enter`: follow values into our own functions' parameters (tokens), or stop at any call (URLs). */
  constructor(private readonly program: FlowProgram, private readonly atCall: AtCall, private readonly enter: boolean) {}

  /** Follows the value of `node` (an expression, or a declaration whose uses carry it). */
  run(node: ts.Node): void {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isPropertyDeclaration(node)) this.bind(node.name, node, [], [], []);
    else this.push(node, [], [], []);
    while (this.queue.length && this.steps++ < MAX_STEPS) this.step(this.queue.shift()!);
  }

  private push(node: ts.Node, path: string[], stack: Frame[], via: string[]): void {
    const key = `${this.program.id(node)}|${path.join('.')}|${stack.map((f) => this.program.id(f.call)).join(',')}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.queue.push({ node, path: path.slice(0, MAX_PATH), stack, via });
  }

  private step(item: Item): void {
    const { node: n, path, stack, via } = item;
    const p = n.parent;
    if (!p) return;
    const on = (node: ts.Node, newPath = path) => this.push(node, newPath, stack, via);
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isSatisfiesExpression(p) ||
      ts.isTypeAssertionExpression(p) || ts.isAwaitExpression(p)) return on(p);
    if (ts.isPropertyAccessExpression(p)) {
      if (p.name === n) return on(p); // a member declaration's use: `store.tokens`, `this.token`
      const name = p.name.text;
      if (isCallee(p) && name === 'then') return this.then(p.parent as ts.CallExpression, item);
      if (isCallee(p) && (name === 'catch' || name === 'finally')) return on(p.parent);
      if (isCallee(p) && name === 'get' && path.length > 0 && isMapDeclarationUse(n, this.program)) {
        const key = mapKey((p.parent as ts.CallExpression).arguments[0]);
        return path[0] === '*' || key === '*' || key === path[0] ? on(p.parent, path.slice(1)) : undefined;
      }
      if (path.length === 0) return on(p);
      if (path[0] === name || path[0] === '*') return on(p, path.slice(1));
      return;
    }
    if (ts.isElementAccessExpression(p)) {
      if (p.expression !== n) return;
      const key = ts.isStringLiteralLike(p.argumentExpression) ? p.argumentExpression.text : '*';
      if (path.length === 0) return on(p);
      if (path[0] === key || path[0] === '*' || key === '*') return on(p, path.slice(1));
      return;
    }
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.expression === n) return on(p, []);
    if ((ts.isCallExpression(p) || ts.isNewExpression(p)) && p.arguments?.some((a) => a === n)) return this.argument(p, item);
    if (ts.isSpreadElement(p)) {
      if (ts.isCallExpression(p.parent) || ts.isNewExpression(p.parent)) return void this.atCall(p.parent, item);
      if (ts.isArrayLiteralExpression(p.parent)) return on(p.parent, []);
      return;
    }
    if (ts.isPropertyAssignment(p) && p.initializer === n) return on(p.parent, memberPath(p.name, path));
    if (ts.isShorthandPropertyAssignment(p) && p.name === n) return on(p.parent, memberPath(p.name, path));
    if (ts.isSpreadAssignment(p)) return on(p.parent);
    if (ts.isArrayLiteralExpression(p)) return on(p, []);
    if (ts.isTemplateSpan(p)) return on(p.parent, []);
    if (ts.isBinaryExpression(p)) return this.binary(p, item);
    if (ts.isConditionalExpression(p) && p.condition !== n) return on(p);
    if (ts.isVariableDeclaration(p) && p.initializer === n) return this.bind(p.name, p, path, stack, via);
    if (ts.isPropertyDeclaration(p) && p.initializer === n) return this.bind(p.name, p, path, stack, via);
    if (ts.isReturnStatement(p)) return this.returned(enclosingFunction(p), item);
    if (ts.isArrowFunction(p) && p.body === n) return this.returned(p, item);
    if (ts.isForOfStatement(p) && p.expression === n && ts.isVariableDeclarationList(p.initializer)) {
      const decl = p.initializer.declarations[0];
      if (decl) this.bind(decl.name, decl, [], stack, via);
    }
  }

  private binary(p: ts.BinaryExpression, item: Item): void {
    const op = p.operatorToken.kind;
    const K = ts.SyntaxKind;
    if (p.right === item.node && [K.EqualsToken, K.BarBarEqualsToken, K.QuestionQuestionEqualsToken, K.PlusEqualsToken].includes(op))
      return this.assign(p.left, item);
    if (op === K.PlusToken) return this.push(p, [], item.stack, item.via);
    if (op === K.BarBarToken || op === K.QuestionQuestionToken || ((op === K.AmpersandAmpersandToken || op === K.CommaToken) && p.right === item.node))
      return this.push(p, item.path, item.stack, item.via);
  }

  /** The value is an argument of a call: a site, a wrapper whose result carries it, our function, or a store. */
  private argument(call: CallLike, item: Item): void {
    if (this.atCall(call, item)) return;
    const name = calleeName(call);
    if (name && WRAPPERS.has(name)) {
      this.push(call, [], item.stack, item.via);
      if (name !== 'assign' || call.arguments?.[0] === item.node) return;
    }
    if (!this.enter) return;
    const fn = this.program.calleeOf(call);
    const index = call.arguments?.findIndex((a) => a === item.node) ?? -1;
    if (fn && index >= 0) return this.enterFunction(fn, call, index, item);
    const callee = skipOuter(call.expression);
    const receiver = ts.isPropertyAccessExpression(callee) && MUTATORS.has(callee.name.text) ? callee.expression
      : name === 'assign' ? call.arguments?.[0] : undefined;
    if (!receiver || receiver === item.node) return;
    const via = this.addVia(item.via, `stored in ${skipOuter(receiver).getText()}`);
    const key = name === 'set' && call.arguments?.length === 2 && call.arguments[1] === item.node ? mapKey(call.arguments[0]) : '*';
    const map = ts.isIdentifier(skipOuter(receiver)) ? this.program.declOf(skipOuter(receiver) as ts.Identifier) : undefined;
    // A Map keeps its keys apart: `cache.set('tiktok', t)` is read back by `cache.get('tiktok')`, not `cache.get('github')`.
    if (map && isMapDeclaration(map)) return this.taint(map, [key], item.stack, via);
    this.assign(receiver, { ...item, path: [], via }, true);
  }

  private enterFunction(fn: FunctionNode, call: CallLike, index: number, item: Item): void {
    if (item.stack.length >= MAX_STACK) return;
    const params = fn.parameters;
    const param = params[index] ?? (params.at(-1)?.dotDotDotToken ? params.at(-1) : undefined);
    if (!param) return;
    const via = this.addVia(item.via, `passed to ${this.program.nameOf(fn) ?? 'a function'}`);
    this.bind(param.name, param, item.path, [...item.stack, { call, fn }], via);
  }

  /** `p.then(cb)`: the value is cb's first parameter, and what cb returns is the result of the `.then(…)` call. */
  private then(call: ts.CallExpression, item: Item): void {
    const cb = call.arguments[0] && skipOuter(call.arguments[0]);
    const fn = cb && (ts.isFunctionExpression(cb) || ts.isArrowFunction(cb)) ? cb
      : cb && ts.isIdentifier(cb) ? this.program.functionOf(this.program.declOf(cb)) : undefined;
    const param = fn?.parameters[0];
    if (fn && param && item.stack.length < MAX_STACK) this.bind(param.name, param, item.path, [...item.stack, { call, fn }], item.via);
  }

  private returned(fn: FunctionNode | undefined, item: Item): void {
    if (!fn) return;
    const top = item.stack.at(-1);
    if (top && top.fn === fn) return this.push(top.call, item.path, item.stack.slice(0, -1), item.via);
    let holder: ts.Node = fn;
    while (ts.isParenthesizedExpression(holder.parent)) holder = holder.parent;
    const outer = holder.parent;
    if (ts.isCallExpression(outer) && outer.arguments.some((a) => a === holder)) {
      // A callback returns: only `.then(cb)` hands its result on (to the `.then(…)` call).
      const callee = skipOuter(outer.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'then' && outer.arguments[0] === holder)
        this.push(outer, item.path, item.stack, item.via);
      return;
    }
    if (item.stack.length > 0) return;
    const via = this.addVia(item.via, `returned by ${this.program.nameOf(fn) ?? 'a function'}`);
    for (const call of this.program.callers(fn)) this.push(call, item.path, [], via);
  }

  /** A name (or a destructuring pattern) declared with the value: its uses carry it. */
  private bind(name: ts.BindingName | ts.PropertyName, decl: ts.Node, path: string[], stack: Frame[], via: string[]): void {
    if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)) return this.taint(decl, path, stack, via);
    if (ts.isObjectBindingPattern(name)) {
      for (const el of name.elements) {
        if (el.dotDotDotToken) { this.bind(el.name, el, path, stack, via); continue; }
        const key = el.propertyName ? staticName(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
        if (path.length === 0) this.bind(el.name, el, [], stack, via);
        else if (key !== undefined && (path[0] === key || path[0] === '*')) this.bind(el.name, el, path.slice(1), stack, via);
      }
    } else if (ts.isArrayBindingPattern(name) && path.length === 0) {
      for (const el of name.elements) if (!ts.isOmittedExpression(el)) this.bind(el.name, el, [], stack, via);
    }
  }

  /** Every use of a declaration carries the value; a module-level one in any call context. */
  private taint(decl: ts.Node, path: string[], stack: Frame[], via: string[]): void {
    const st = enclosingFunction(decl) ? stack : [];
    path = path.slice(0, MAX_PATH);
    const key = `d${this.program.id(decl)}|${path.join('.')}|${st.map((f) => this.program.id(f.call)).join(',')}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    for (const ref of this.program.references(decl)) this.push(ref, path, st, via);
  }

  /** `x = v`, `a.b.c = v`, `store[id] = v`, `this.tokens = v`, `params.append(k, v)`: the target's reads carry it. */
  private assign(target: ts.Expression, item: Item, mutated = false): void {
    const segs: string[] = [];
    let e = skipOuter(target);
    while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      segs.unshift(ts.isPropertyAccessExpression(e) ? e.name.text : ts.isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : '*');
      e = skipOuter(e.expression);
    }
    const via = segs.length ? this.addVia(item.via, `stored in ${skipOuter(target).getText()}`) : item.via;
    if (e.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClass(e);
      const path = mutated ? segs : [...segs, ...item.path];
      if (cls && segs.length) for (const self of thisKeywords(cls)) this.push(self, path, [], via);
      return;
    }
    if (!ts.isIdentifier(e)) return;
    const decl = this.program.declOf(e);
    const onParam = decl && (ts.isParameter(decl) || (ts.isBindingElement(decl) && ts.isParameter(rootOfBinding(decl))));
    if (decl && !ts.isSourceFile(decl) && (segs.length === 0 || !onParam))
      return this.taint(decl, mutated ? [] : [...segs, ...item.path], item.stack, via);
    if (segs.length >= 2 && !segs.includes('*')) this.samePath(segs, via); // req.session.tokens = …
  }

  /** Reads of the same member path on any object (`req.session.tokens` written in one handler, read in another). */
  private samePath(segs: string[], via: string[]): void {
    const key = `p${segs.join('.')}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    for (const id of this.program.namesIn(segs.at(-1)!)) {
      let n: ts.Node = id.parent;
      if (!ts.isPropertyAccessExpression(n) || n.name !== id) continue;
      const read = n;
      let ok = true;
      for (let i = segs.length - 1; i >= 0 && ok; i--) {
        if (!ts.isPropertyAccessExpression(n) || n.name.text !== segs[i]) ok = false;
        else n = skipOuter(n.expression);
      }
      if (ok && !(ts.isBinaryExpression(read.parent) && read.parent.left === read)) this.push(read, [], [], via);
    }
  }

  private addVia(via: string[], step: string): string[] {
    return via.length >= MAX_VIA || via.includes(step) ? via : [...via, step];
  }
}
