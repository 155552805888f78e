// npm run bench: speed and memory of a whole dry-run against a baseline measured in the same run on the same tree
// (fast-glob + readFileSync + a regex: the cheapest a Node tool can be). Reports ratios, never absolute pass/fail.
// The tree: every JS/TS file of this repo's node_modules (real npm code), copied COPIES times under folders not named
// node_modules (which the tool skips by default), plus the sample v1 apps.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.join(root, '.bench', 'corpus');
const COPIES = Number(process.env.BENCH_COPIES ?? 4);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

function buildCorpus() {
  const stamp = path.join(corpus, `.copies-${COPIES}`);
  if (fs.existsSync(stamp)) return;
  fs.rmSync(corpus, { recursive: true, force: true });
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(c|m)?(j|t)sx?$/.test(entry.name) && !/\.d\.(c|m)?ts$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.join(root, 'node_modules'));
  for (let k = 0; k < COPIES; k++) {
    for (const file of files) {
      const rel = path.relative(path.join(root, 'node_modules'), file).split(path.sep).join('/').replace(/node_modules/g, 'pkgs');
      const dest = path.join(corpus, `copy${k}`, rel);
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.copyFileSync(file, dest);
    }
    fs.cpSync(path.join(root, 'fixtures', 'apps'), path.join(corpus, `copy${k}`, 'apps'), { recursive: true });
  }
  fs.writeFileSync(stamp, '');
}

function measure(kind) {
  const out = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench-child.mjs'), kind, corpus], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`${kind} failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop());
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

buildCorpus();
const results = {};
for (const kind of ['baseline', 'discover', 'tool']) {
  const runs = Array.from({ length: RUNS }, () => measure(kind));
  results[kind] = { ms: median(runs.map((r) => r.ms)), maxRssMiB: median(runs.map((r) => r.maxRssMiB)), files: runs[0].files };
}
const ratio = (a, b) => (a / b).toFixed(2);
console.log(`corpus: ${results.baseline.files} code files (${COPIES} copies of node_modules JS/TS + sample apps), median of ${RUNS} runs`);
console.log('| run | wall ms | peak RSS MiB |');
console.log('|---|---|---|');
for (const [kind, r] of Object.entries(results)) console.log(`| ${kind} | ${r.ms.toFixed(0)} | ${r.maxRssMiB.toFixed(0)} |`);
console.log(`time ratio tool/baseline: ${ratio(results.tool.ms, results.baseline.ms)}x (target <= 1.2x)`);
console.log(`time ratio discover/baseline: ${ratio(results.discover.ms, results.baseline.ms)}x (the rest of tool is the TypeScript compiler's load, ~0.6 s, and the scan)`);
console.log(`memory ratio tool/baseline: ${ratio(results.tool.maxRssMiB, results.baseline.maxRssMiB)}x`);
fs.writeFileSync(path.join(root, '.bench', 'results.json'), JSON.stringify(results, null, 2) + '\n');
