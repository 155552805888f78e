#!/usr/bin/env node
// The installed command: all of the CLI lives in src/cli.ts (compiled to dist/src/cli.js).
import { main } from '../dist/src/cli.js';

process.exitCode = await main(process.argv);
