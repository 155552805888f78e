// Starts the analysis engine before discovery so the TypeScript compiler (~0.6 s to load) loads on the second core
// while the first reads the tree. Falls back to in-process when there is no compiled worker (tests run src/*.ts).
import { Worker } from 'node:worker_threads';
import type { Analysis } from './analyze.js';
import type { DiscoveredFile } from './discover.js';

export interface Engine {
  analyze(files: DiscoveredFile[], cwd: string): Promise<Analysis>;
  /** Ends the engine without an analysis (bad input found first). */
  stop(): void;
}

export function startEngine(): Engine {
  const workerFile = new URL('./analyze-worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.js')) return inProcess();
  const worker = new Worker(workerFile);
  worker.unref();
  const exited = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the analysis worker stopped (exit code ${code})`)));
  });
  exited.catch(() => undefined); // observed only once analyze() is called
  return {
    stop: () => void worker.terminate(),
    async analyze(files, cwd) {
      const answer = new Promise<Analysis>((resolve, reject) => {
        worker.once('message', (m: { ok: true; analysis: Analysis } | { ok: false; message: string }) =>
          m.ok ? resolve(m.analysis) : reject(new Error(m.message)),
        );
      });
      worker.postMessage({ files, cwd });
      try {
        return await Promise.race([answer, exited]);
      } finally {
        void worker.terminate();
      }
    },
  };
}

function inProcess(): Engine {
  return {
    stop: () => undefined,
    async analyze(files, cwd) {
      const { analyze } = await import('./analyze.js');
      return analyze(files, cwd);
    },
  };
}
