/**
 * `registre renewals <datamap>`: the rows of rules with `renewalRequest` (CNIL prospects rule)
 * whose period is over on `--today`, whose subject may be asked once more before the data is
 * ended. Pseudonymous by default; `--contact` adds the identity columns (an audited read).
 */
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { loadSecret } from '../../config/secret.ts';
import { loadEngineContext } from '../../engine/load-context.ts';
import { planRenewals } from '../../engine/sweep/plan-renewals.ts';
import { groupDigits } from '../../engine/sweep/render-plan.ts';
import { createOutput } from '../output.ts';
import { connectTarget, targetUrlOf } from './datamap.ts';
import { parseToday } from './sweep.ts';

interface RenewalsCommandOptions {
  readonly db?: string;
  readonly today?: string;
  readonly contact?: boolean;
}

export function registerRenewalsCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('renewals')
    .description(
      'rows whose subject may be asked once more before their data is ended (rules with renewalRequest)',
    )
    .argument('<datamap>', 'path to the data-map YAML file')
    .option('--db <url>', "database URL (default: the map's 'database')")
    .option(
      '--today <YYYY-MM-DD>',
      'list the rows due by this day (default: today, UTC; a later day asks ahead of the deadline)',
    )
    .option('--contact', "add each subject's e-mail address, phone and name (audited personal-data read)")
    .action(async (file: string, options: RenewalsCommandOptions) => {
      const out = createOutput(Boolean(program.opts<{ json?: boolean }>().json));
      const today = parseToday(options.today);
      const context = await loadEngineContext(file);
      const target = await connectTarget(targetUrlOf(file, options.db, context.datamap.database));
      try {
        const report = await planRenewals(target, context, {
          today,
          secret: loadSecret(),
          ...(options.contact === true ? { contact: { actor: `cli:${userInfo().username}` } } : {}),
        });
        out.result({ ok: true, report });
        if (report.steps.length === 0) {
          out.line('No rule of this data map asks for a renewal request (renewalRequest).');
        } else {
          out.line(`Renewal requests due by ${report.today}:`);
          for (const step of report.steps) {
            const suppressed =
              step.suppressed > 0
                ? `, ${groupDigits(step.suppressed)} left out (objected to prospecting)`
                : '';
            out.line(
              `  ${step.table} (rule ${step.rule}, ${step.activity}): ${groupDigits(step.rows.length)} rows${suppressed}`,
            );
            if (options.contact === true) {
              for (const row of step.rows) {
                const contact = Object.values(row.contact ?? {})
                  .filter((v) => v !== null && v !== '')
                  .join(' · ');
                out.line(`    ${String(row.key)}: ${contact}`);
              }
            }
          }
          out.line(`${groupDigits(report.total)} rows in all.`);
        }
        setExit(0);
      } finally {
        await target.close();
      }
    });
}
