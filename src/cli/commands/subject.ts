/**
 * Subject requests on the organisation's database, from a data map:
 *
 *   registre access   <datamap> --email x [--format json|csv|html] [--out dir]   (Art 15)
 *   registre erase    <datamap> --email x [--execute]                           (Art 17, plan by default)
 *   registre rectify  <datamap> --email x --set column=value…                   (Art 16)
 *   registre restrict <datamap> --email x --reason ground | --notify | --lift   (Art 18)
 *   registre object   <datamap> --email x [--purpose id]                         (Art 21(2))
 *   registre export   <datamap> --email x [--format json|csv] [--out dir]       (Art 20)
 *
 * The person is designated by `--email`, `--phone` or `--key table:key`; the database is
 * `--db` or the map's `database`. Logs never carry personal data; the subject's own copy is
 * printed or written only where asked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { type Command, Option } from 'commander';
import { loadSecret } from '../../config/secret.ts';
import { loadDataMapOrThrow } from '../../datamap/load-datamap.ts';
import { createSubjectContext, type SubjectContext } from '../../engine/subject/context.ts';
import { describeErasurePlan, describeErasureTable } from '../../engine/subject/describe-erasure.ts';
import { executeAccess } from '../../engine/subject/execute-access.ts';
import { executeErasure } from '../../engine/subject/execute-erasure.ts';
import { findSubject, type Subject, type SubjectQuery } from '../../engine/subject/find-subject.ts';
import { objectToDirectMarketing } from '../../engine/subject/object.ts';
import { planErasure } from '../../engine/subject/plan-erasure.ts';
import {
  exportPortableData,
  renderPortabilityCsv,
  renderPortabilityJson,
} from '../../engine/subject/portability.ts';
import { rectify } from '../../engine/subject/rectify.ts';
import { renderAccessCsv, renderAccessJson } from '../../engine/subject/render-access.ts';
import { renderAccessHtml } from '../../engine/subject/render-access-html.ts';
import {
  liftRestriction,
  RESTRICTION_GROUNDS,
  type RestrictionRefusal,
  recordLiftNotice,
  restrictProcessing,
} from '../../engine/subject/restrict.ts';
import { RegistreError } from '../../errors/registry.ts';
import { createOutput, type Output } from '../output.ts';
import { connectTarget, targetUrlOf } from './datamap.ts';

interface SubjectOptions {
  readonly email?: string;
  readonly phone?: string;
  readonly key?: string;
  readonly db?: string;
}

function usage(message: string): RegistreError {
  return new RegistreError('REG_ERR_CLI_USAGE', message);
}

/** The person designated on the command line: exactly one of --email, --phone, --key. */
export function subjectQueryOf(options: SubjectOptions): SubjectQuery {
  const given = [options.email, options.phone, options.key].filter((v) => v !== undefined);
  if (given.length !== 1)
    throw usage('designate the person with exactly one of --email, --phone or --key table:key');
  if (options.email !== undefined) return { email: options.email };
  if (options.phone !== undefined) return { phone: options.phone };
  const [table, ...rest] = (options.key ?? '').split(':');
  const key = rest.join(':');
  if (table === undefined || table === '' || key === '')
    throw usage('--key expects table:key, e.g. customers:42');
  return { table, key };
}

/** Open the map's database, prepare the context, find the person, run `work`, close. */
async function withSubject(
  file: string,
  options: SubjectOptions,
  work: (ctx: SubjectContext, subject: Subject) => Promise<void>,
): Promise<void> {
  const query = subjectQueryOf(options);
  const loaded = await loadDataMapOrThrow(file);
  const target = await connectTarget(targetUrlOf(file, options.db, loaded.datamap.database));
  try {
    const ctx = await createSubjectContext({
      target,
      datamap: loaded.datamap,
      policy: loaded.policy,
      secret: loadSecret(),
      actor: `cli:${userInfo().username}`,
    });
    await work(ctx, await findSubject(ctx, query));
  } finally {
    await target.close();
  }
}

/** Write files under `dir` (created when missing); returns their paths. */
function writeFiles(dir: string, files: ReadonlyMap<string, string>): string[] {
  mkdirSync(dir, { recursive: true });
  return [...files].map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}

function subjectOptions(command: Command): Command {
  return command
    .argument('<datamap>', 'path to the data-map YAML file')
    .option('--email <address>', "the person's e-mail address (any case)")
    .option('--phone <number>', "the person's phone number (any spelling)")
    .option('--key <table:key>', 'the key of one identity row, e.g. customers:42')
    .option('--db <url>', "database URL (default: the map's 'database')");
}

/**
 * Hand the subject's documents over: files under `--out`; else on stdout — the one document
 * itself, or in `--json` mode one JSON result (`value` when given, else the documents by name).
 */
function deliver(
  out: Output,
  files: ReadonlyMap<string, string>,
  dir: string | undefined,
  summary: object,
  value?: unknown,
): void {
  if (dir !== undefined) {
    const written = writeFiles(dir, files);
    out.result({ ok: true, ...summary, files: written });
    for (const path of written) out.line(`wrote ${path}`);
    return;
  }
  if (out.json) {
    out.result(value ?? { ok: true, ...summary, documents: Object.fromEntries(files) });
    return;
  }
  if (files.size > 1) throw usage('this format writes one file per table: give --out <dir>');
  const [text] = files.values();
  if (text === undefined) out.error('no rows to write');
  else out.raw(text);
}

export function registerSubjectCommands(program: Command, setExit: (code: number) => void): void {
  const output = () => createOutput(Boolean(program.opts<{ json?: boolean }>().json));

  subjectOptions(
    program.command('access').description('Art 15 access: every row about a person, as JSON, CSV or HTML'),
  )
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'csv', 'html']).default('json'),
    )
    .option('-o, --out <dir>', 'write the files into this directory')
    .action(
      async (file: string, options: SubjectOptions & { format: 'json' | 'csv' | 'html'; out?: string }) => {
        const out = output();
        await withSubject(file, options, async (ctx, subject) => {
          const report = await executeAccess(ctx, subject);
          const files =
            options.format === 'csv'
              ? renderAccessCsv(report)
              : new Map([
                  options.format === 'html'
                    ? ['access.html', renderAccessHtml(ctx, report)]
                    : ['access.json', renderAccessJson(report)],
                ]);
          const counts = Object.fromEntries(report.tables.map((t) => [t.table, t.rows.length]));
          deliver(
            out,
            files,
            options.out,
            { subjectRef: report.subjectRef, rows: counts },
            options.format === 'json' ? report : undefined,
          );
        });
      },
    );

  subjectOptions(program.command('erase').description('Art 17 erasure: plan (default) or --execute'))
    .option('--execute', 'carry out the plan (default: print it only)')
    .action(async (file: string, options: SubjectOptions & { execute?: boolean }) => {
      const out = output();
      await withSubject(file, options, async (ctx, subject) => {
        if (options.execute !== true) {
          const plan = await planErasure(ctx, subject);
          out.result({ ok: true, executed: false, plan });
          for (const line of describeErasurePlan(ctx, plan, ctx.language)) out.line(line);
          for (const warning of plan.warnings) out.error(`warning: ${warning}`);
          out.line('plan only: run again with --execute to carry it out');
          return;
        }
        const result = await executeErasure(ctx, subject);
        out.result({ ok: result.ok, executed: true, plan: result.plan, effects: result.effects });
        for (const table of result.plan.tables) {
          if (table.rows > 0) out.line(describeErasureTable(ctx, table, ctx.language));
        }
        for (const effect of result.effects) {
          if (effect.status !== 'done')
            out.error(
              `${effect.table}: ${effect.status}${effect.error === undefined ? '' : ` — ${effect.error}`}`,
            );
        }
        setExit(result.ok ? 0 : 1);
      });
    });

  subjectOptions(program.command('rectify').description("Art 16 rectification of the person's identity rows"))
    .requiredOption('--set <column=value...>', 'new value of a mapped column (repeatable)')
    .action(async (file: string, options: SubjectOptions & { set: string[] }) => {
      const out = output();
      const changes: Record<string, string> = {};
      for (const assignment of options.set) {
        const at = assignment.indexOf('=');
        if (at <= 0) throw usage(`--set expects column=value, got a value without '=' or without column`);
        changes[assignment.slice(0, at)] = assignment.slice(at + 1);
      }
      await withSubject(file, options, async (ctx, subject) => {
        const result = await rectify(ctx, subject, changes);
        out.result({ ok: true, ...result });
        for (const [table, n] of Object.entries(result.rows)) {
          out.line(`${table}: ${n} row(s) updated (${(result.columns[table] ?? []).join(', ')})`);
        }
      });
    });

  subjectOptions(program.command('restrict').description('Art 18 restriction of processing, notice and lift'))
    .addOption(new Option('--reason <ground>', 'ground of Art 18(1)').choices([...RESTRICTION_GROUNDS]))
    .option('--notify', 'record that the person was told the restriction will be lifted')
    .option('--lift', 'lift the restriction (the notice must be recorded first, or given with --notify)')
    .action(
      async (
        file: string,
        options: SubjectOptions & { reason?: string; notify?: boolean; lift?: boolean },
      ) => {
        const out = output();
        if (options.reason === undefined && options.notify !== true && options.lift !== true) {
          throw usage(`give --reason (${RESTRICTION_GROUNDS.join(', ')}), --notify or --lift`);
        }
        await withSubject(file, options, async (ctx, subject) => {
          const done: Record<string, Record<string, number>> = {};
          let refused: readonly RestrictionRefusal[] = [];
          if (options.reason !== undefined) {
            const result = await restrictProcessing(ctx, subject, options.reason);
            done.restricted = result.rows;
            refused = result.refused;
          }
          if (options.notify === true) done.notified = (await recordLiftNotice(ctx, subject)).rows;
          if (options.lift === true) done.lifted = (await liftRestriction(ctx, subject)).rows;
          out.result({ ok: true, subjectRef: subject.ref, ...done, refused });
          for (const [step, rows] of Object.entries(done)) {
            const total = Object.values(rows).reduce((n, v) => n + v, 0);
            out.line(
              `${step}: ${total} row(s)${
                total === 0
                  ? ''
                  : ` (${Object.entries(rows)
                      .map(([t, n]) => `${t} ${n}`)
                      .join(', ')})`
              }`,
            );
          }
          for (const r of refused) {
            const reasons = r.reasons.length === 0 ? '' : ` (${r.reasons.join(', ')})`;
            out.line(
              `not restricted: ${r.table} ${r.rows} row(s): the policy refuses '${r.right}' for activity '${r.activity}'${reasons}`,
            );
          }
        });
      },
    );

  subjectOptions(
    program
      .command('object')
      .description('Art 21(2) objection to direct marketing: suppression list, then erasure'),
  )
    .option('--purpose <id>', 'purpose objected to (taxonomy purposes)', 'direct-marketing')
    .action(async (file: string, options: SubjectOptions & { purpose: string }) => {
      const out = output();
      await withSubject(file, options, async (ctx, subject) => {
        const given = [options.email, options.phone].filter((v): v is string => v !== undefined);
        const result = await objectToDirectMarketing(ctx, subject, {
          identifiers: given,
          purpose: options.purpose,
        });
        out.result({ ok: result.erasure.ok, ...result });
        out.line(
          `suppression list (${result.purpose}): ${result.identifiers} identifier(s), ${result.added} new`,
        );
        for (const table of result.erasure.plan.tables) {
          if (table.rows > 0) out.line(describeErasureTable(ctx, table, ctx.language));
        }
        setExit(result.erasure.ok ? 0 : 1);
      });
    });

  subjectOptions(
    program.command('export').description('Art 20 portability: the data the person provided, as JSON or CSV'),
  )
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'))
    .option('-o, --out <dir>', 'write the files into this directory')
    .action(async (file: string, options: SubjectOptions & { format: 'json' | 'csv'; out?: string }) => {
      const out = output();
      await withSubject(file, options, async (ctx, subject) => {
        const data = await exportPortableData(ctx, subject);
        const files =
          options.format === 'csv'
            ? renderPortabilityCsv(data)
            : new Map([['portability.json', renderPortabilityJson(data)]]);
        const counts = Object.fromEntries(data.tables.map((t) => [t.table, t.rows.length]));
        deliver(
          out,
          files,
          options.out,
          { subjectRef: data.subjectRef, rows: counts, excluded: data.excluded },
          options.format === 'json' ? data : undefined,
        );
      });
    });
}
