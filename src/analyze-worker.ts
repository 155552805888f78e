// Worker entry: loads the compiler-heavy modules as soon as the thread starts, then analyzes the files it is sent.
import { parentPort } from 'node:worker_threads';
import { analyze } from './analyze.js';

parentPort?.once('message', ({ files, cwd }) => {
  try {
    parentPort?.postMessage({ ok: true, analysis: analyze(files, cwd) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, message: (error as Error).stack ?? String(error) });
  }
});
