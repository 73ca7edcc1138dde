import type { Command } from 'commander';
import { registerAuditCommand } from './audit.ts';
import { registerCheckCommand } from './check.ts';
import { registerDatamapCommand } from './datamap.ts';
import { registerDemoCommand } from './demo.ts';
import { attachDemoRun } from './demo-run.ts';
import { registerDiffCommand } from './diff.ts';
import { registerDocumentCommands } from './documents.ts';
import { registerRenewalsCommand } from './renewals.ts';
import { registerScanCommand } from './scan.ts';
import { registerSchemaCommand } from './schema.ts';
import { registerServeCommand } from './serve.ts';
import { registerSubjectCommands } from './subject.ts';
import { registerSweepCommand } from './sweep.ts';

/** Every command of the CLI, in the order `--help` lists them. */
export function registerCommands(program: Command, setExit: (code: number) => void): void {
  registerCheckCommand(program, setExit);
  registerDocumentCommands(program);
  registerDiffCommand(program);
  registerSchemaCommand(program);
  registerDatamapCommand(program, setExit);
  registerScanCommand(program, setExit);
  registerSweepCommand(program, setExit);
  registerRenewalsCommand(program, setExit);
  registerSubjectCommands(program, setExit);
  registerAuditCommand(program, setExit);
  registerServeCommand(program, setExit);
  attachDemoRun(registerDemoCommand(program, setExit), program, setExit);
}
