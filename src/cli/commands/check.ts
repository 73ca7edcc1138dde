import type { Command } from 'commander';
import { loadPolicy } from '../../policy/load-policy.ts';
import { createOutput, formatIssue } from '../output.ts';

export function registerCheckCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('validate a policy file: exit 0 when valid, 1 otherwise; errors and warnings listed')
    .argument('<policy>', 'path to the policy YAML file')
    .action(async (policyPath: string) => {
      const out = createOutput(Boolean(program.opts<{ json?: boolean }>().json));
      const result = await loadPolicy(policyPath);
      const errors = result.ok ? [] : result.errors;
      const warnings = result.warnings;
      out.result({ ok: result.ok, file: result.file, errors, warnings });
      for (const issue of [...errors, ...warnings]) out.line(formatIssue(issue));
      out.line(
        `${result.file}: ${result.ok ? 'valid' : 'invalid'} — ${errors.length} error(s), ${warnings.length} warning(s)`,
      );
      setExit(result.ok ? 0 : 1);
    });
}
