// The HTML report: the Markdown report (the same model, the same sections) rendered by `marked` into one standalone
// page with a little CSS, for people who would rather open a file in a browser. No script, no remote resource.
import { Marked } from 'marked';
import { printMarkdown } from './markdown.js';
import type { Report } from './model.js';

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
code,pre{font:13px ui-monospace,monospace}pre{background:#f6f8fa;padding:.75rem;overflow:auto}
table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:.25rem .5rem;vertical-align:top;text-align:left}
details{margin:.5rem 0}summary{cursor:pointer}li{margin:.25rem 0}`;

// One parser per process, GitHub-flavoured (tables, task lists) like the Markdown report assumes.
const marked = new Marked({ gfm: true, async: false });

export function printHtml(report: Report): string {
  const body = marked.parse(printMarkdown(report)) as string;
  const title = `TikTok OAuth v1 → v2 migration report (${report.mode})`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body.trimEnd(),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
