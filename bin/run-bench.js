#!/usr/bin/env node
// `npm run bench`: runs the TypeScript benchmarks (bench/run.ts) through tsx's loader, like
// bin/registre.js runs the CLI. Options: `npm run bench -- --help`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../bench/run.ts');
process.exitCode = await main(process.argv.slice(2));
