#!/usr/bin/env node
// Registre's command line. Runs the TypeScript sources directly through tsx's loader, so a
// fresh clone needs no build step: `npm install && npx registre --help`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
