// One measured run in its own process (so peak RSS is its own): `baseline` or `tool`, on a folder.
import fs from 'node:fs';
import fg from 'fast-glob';

const [kind, dir] = process.argv.slice(2);
const start = performance.now();
let files = 0;
if (kind === 'baseline') {
  const paths = await fg('**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}', { cwd: dir, absolute: true, ignore: ['**/node_modules/**'] });
  const re = /tiktok/i;
  let hits = 0;
  for (const p of paths) if (re.test(fs.readFileSync(p, 'utf8'))) hits++;
  files = paths.length;
  if (hits < 0) console.error(hits);
} else if (kind === 'discover') {
  // Discovery alone (glob, ignores, prefilter, importer closure): the part of `tool` that reads the tree.
  const { discover } = await import('../dist/src/discover.js');
  files = (await discover({ paths: [dir], ignore: [] })).filesSeen;
} else {
  const { run } = await import('../dist/src/run.js');
  const result = await run({
    paths: [dir], cwd: dir, mode: 'dry-run', force: false, ignore: [], report: false,
    stdout: () => {}, stderr: () => {}, color: false,
  });
  files = result.report.summary.filesScanned;
}
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, files, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
