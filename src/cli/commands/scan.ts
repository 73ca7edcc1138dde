/**
 * `registre scan <db-url>`: reads the schema, samples values and proposes a data category per
 * column with a confidence; `--out` writes a draft data map to complete by hand.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { proposeDataMap } from '../../datamap/propose-datamap.ts';
import { type ColumnProposal, scanDatabase } from '../../datamap/scanner/scan-database.ts';
import { RegistreError } from '../../errors/registry.ts';
import { createOutput } from '../output.ts';
import { connectTarget, positiveInteger } from './datamap.ts';

interface ScanCommandOptions {
  readonly sample: string;
  readonly threshold: string;
  readonly out?: string;
  readonly force?: boolean;
  readonly policy?: string;
}

/** What made the scanner propose a category, in words: "name + 98% of 200 values". */
export function describeEvidence(p: ColumnProposal): string {
  const values = p.matchRatio > 0 ? `${Math.round(p.matchRatio * 100)}% of ${p.sampled} values` : '';
  if (p.nameHint && values !== '') return `name + ${values}`;
  if (p.nameHint)
    return p.sampled === 0 ? 'name (no values sampled)' : `name only (0 of ${p.sampled} values)`;
  return values;
}

/** The proposals as an aligned text table. */
export function formatProposals(proposals: readonly ColumnProposal[]): string[] {
  const rows = [
    ['table', 'column', 'proposed category', 'confidence', 'evidence'],
    ...proposals.map((p) => [p.table, p.column, p.category, p.confidence.toFixed(2), describeEvidence(p)]),
  ];
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function parseThreshold(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 1) {
    throw new RegistreError(
      'REG_ERR_CLI_USAGE',
      `--threshold expects a number between 0 and 1, got '${value}'`,
    );
  }
  return parsed;
}

/** A URL safe to write into a file: SQLite paths and URLs without a password. */
function recordableUrl(url: string): string | undefined {
  return /^[a-z]+:\/\/[^/@]*:[^/@]*@/i.test(url) ? undefined : url;
}

export function registerScanCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('scan')
    .description(
      'propose data categories for the columns of a database, from column names and sampled values',
    )
    .argument('<db-url>', 'database URL: sqlite:path.db, postgres://…, mysql://…')
    .option('--sample <n>', 'values sampled per column', '200')
    .option('--threshold <x>', 'minimum confidence to propose a category (0–1)', '0.5')
    .option('--out <file>', 'write a draft data map (YAML) to complete by hand')
    .option('--policy <path>', "policy path to write in the draft's 'policy' (relative to the draft)")
    .option('--force', 'overwrite the --out file if it exists')
    .action(async (url: string, options: ScanCommandOptions) => {
      const json = Boolean(program.opts<{ json?: boolean }>().json);
      const out = createOutput(json);
      const sampleSize = positiveInteger('--sample', options.sample);
      const threshold = parseThreshold(options.threshold);
      if (options.out !== undefined && existsSync(options.out) && options.force !== true) {
        throw new RegistreError('REG_ERR_CLI_USAGE', `${options.out} exists; give --force to overwrite it`);
      }
      const target = await connectTarget(url);
      try {
        const showBar = process.stderr.isTTY === true && !json;
        let bar: SingleBar | undefined;
        if (showBar) {
          const tables = (await target.adapter.introspect(target.db)).tables;
          const total = [...tables.keys()].filter((t) => !t.startsWith('registre_')).length;
          bar = new SingleBar({
            format: 'scanning {bar} {value}/{total} tables | {table}',
            stream: process.stderr,
            hideCursor: true,
          });
          bar.start(total, 0, { table: '' });
        }
        const started = performance.now();
        let done = 0;
        const result = await scanDatabase(target, {
          sampleSize,
          threshold,
          onTable: (table) => {
            bar?.update(done, { table });
            done += 1;
          },
        });
        bar?.update(done, { table: '' });
        bar?.stop();
        const seconds = (performance.now() - started) / 1000;
        if (options.out !== undefined) {
          const database = recordableUrl(url);
          const draft = proposeDataMap(result, {
            dialect: target.dialect,
            generatedAt: new Date(),
            ...(database === undefined ? {} : { database }),
            ...(options.policy === undefined ? {} : { policy: options.policy }),
          });
          writeFileSync(options.out, draft);
        }
        out.result({
          ok: true,
          dialect: target.dialect,
          tables: result.schema.tables.size,
          columnsScanned: result.columnsScanned,
          valuesScanned: result.valuesScanned,
          proposals: result.proposals,
          ...(options.out === undefined ? {} : { out: options.out }),
        });
        if (result.proposals.length > 0) for (const line of formatProposals(result.proposals)) out.line(line);
        const rate = seconds > 0 ? Math.round(result.valuesScanned / seconds) : result.valuesScanned;
        out.line(
          `${result.proposals.length} column(s) look personal out of ${result.columnsScanned} scanned in ${result.schema.tables.size} table(s) (${result.valuesScanned} values, ${rate} values/s)`,
        );
        if (options.out !== undefined)
          out.line(`draft data map written to ${options.out}: fill each "# FILL" line`);
        setExit(0);
      } finally {
        await target.close();
      }
    });
}
