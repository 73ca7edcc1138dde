/**
 * RESULTS.md, written from the figures of one run: the machine, the data, a summary with each
 * figure, its baseline, the ratio and whether the target is met, then the details.
 */
import type { AccessFigures } from './access-bench.ts';
import type { AuditFigures } from './audit-bench.ts';
import type { MachineInfo } from './machine.ts';
import type { ScannerFigures } from './scanner-bench.ts';
import { formatCount, formatMs, formatRatio, formatSeconds } from './stats.ts';
import type { SweepFigures } from './sweep-bench.ts';

export interface DialectResults {
  readonly dialect: string;
  readonly generation?: {
    readonly rows: number;
    readonly ms: number;
    readonly tables: Record<string, number>;
  };
  /** Planner statistics and the two copies for the sweep. */
  readonly preparation?: { readonly analyzeMs: number; readonly copyMs: number };
  readonly sweep?: SweepFigures | undefined;
  readonly access?: AccessFigures | undefined;
  readonly audit?: AuditFigures | undefined;
  readonly errors: readonly string[];
}

export interface BenchResults {
  readonly machine: MachineInfo;
  readonly startedAt: Date;
  readonly totalMs: number;
  readonly command: string;
  /** 1-, 5- and 15-minute load averages when the run started and ended (other work on the machine shows here). */
  readonly load: {
    readonly start: readonly number[];
    readonly end: readonly number[];
    /** When each phase (generation, copies, each benchmark) started. */
    readonly phases: readonly { readonly label: string; readonly load: readonly number[] }[];
  };
  /** The `--note` given on the command line. */
  readonly note?: string;
  readonly subjects: number;
  readonly seed: number;
  readonly today: string;
  readonly dialects: readonly DialectResults[];
  readonly scanner?: ScannerFigures & { readonly source: string };
  readonly errors: readonly string[];
  /** Whether bench/PROFILE.md (hand-written profile notes) exists, to link to it. */
  readonly profileNotes: boolean;
}

export const TARGETS = {
  sweepRatio: 0.8,
  accessP50Ms: 20,
  accessRatio: 1.5,
  auditAppendPerSecond: 100_000,
  scannerPerSecond: 1_000_000,
} as const;

const NAMES: Readonly<Record<string, string>> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };
const nameOf = (dialect: string) => NAMES[dialect] ?? dialect;
const met = (ok: boolean) => (ok ? '**yes**' : '**no**');
const rate = (value: number, unit: string) => `${formatCount(value)} ${unit}/s`;

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[], align?: string): string[] {
  return [row(header), align ?? row(header.map(() => '---')), ...rows.map(row)];
}

/** Whether each target is met, for the summary and the exit message. */
export function targetsMet(results: BenchResults): { readonly name: string; readonly ok: boolean }[] {
  const out: { name: string; ok: boolean }[] = [];
  for (const d of results.dialects) {
    if (d.sweep) out.push({ name: `sweep ${d.dialect}`, ok: d.sweep.ratio >= TARGETS.sweepRatio });
    if (d.access) {
      out.push({
        name: `access ${d.dialect}`,
        ok: d.access.engine.p50 < TARGETS.accessP50Ms && d.access.ratioP50 <= TARGETS.accessRatio,
      });
    }
    if (d.audit) {
      out.push({ name: `audit ${d.dialect}`, ok: d.audit.append.perSecond >= TARGETS.auditAppendPerSecond });
    }
  }
  if (results.scanner) {
    out.push({ name: 'scanner', ok: results.scanner.detect.perSecond >= TARGETS.scannerPerSecond });
  }
  return out;
}

function summary(results: BenchResults): string[] {
  const rows: string[][] = [];
  for (const d of results.dialects) {
    const n = nameOf(d.dialect);
    if (d.sweep) {
      const s = d.sweep;
      rows.push([
        'Retention sweep, audit included',
        n,
        rate(s.engine.rowsPerSecond, 'rows'),
        `${rate(s.hand.rowsPerSecond, 'rows')} (hand-written SQL, no audit)`,
        formatRatio(s.ratio),
        `≥ ${TARGETS.sweepRatio}×`,
        met(s.ratio >= TARGETS.sweepRatio),
      ]);
    }
    if (d.access) {
      const a = d.access;
      const ok = a.engine.p50 < TARGETS.accessP50Ms && a.ratioP50 <= TARGETS.accessRatio;
      rows.push([
        `Subject access p50 (${a.subjects} people)`,
        n,
        formatMs(a.engine.p50),
        `${formatMs(a.hand.p50)} (hand-written queries)`,
        formatRatio(a.ratioP50),
        `< ${TARGETS.accessP50Ms} ms and ≤ ${TARGETS.accessRatio}×`,
        `${met(ok)} (${a.engine.p50 < TARGETS.accessP50Ms ? 'under' : 'over'} ${TARGETS.accessP50Ms} ms, ratio ${a.ratioP50 <= TARGETS.accessRatio ? 'within' : 'over'} ${TARGETS.accessRatio}×)`,
      ]);
      rows.push([
        'Subject access p99',
        n,
        formatMs(a.engine.p99),
        formatMs(a.hand.p99),
        formatRatio(a.ratioP99),
        '—',
        '—',
      ]);
      rows.push([
        'Subject access p50, against a traced read',
        n,
        formatMs(a.engine.p50),
        `${formatMs(a.handTraced.p50)} (the same queries + one trace row, one transaction)`,
        formatRatio(a.tracedRatioP50),
        '—',
        '—',
      ]);
      rows.push([
        'Subject access p50, against prepared queries',
        n,
        formatMs(a.engine.p50),
        `${formatMs(a.handPrepared.p50)} (the same queries as prepared statements)`,
        formatRatio(a.preparedRatioP50),
        '—',
        '—',
      ]);
    }
    if (d.audit) {
      const a = d.audit;
      rows.push([
        'Audit append, 1 000 per transaction',
        n,
        rate(a.append.perSecond, 'entries'),
        `${rate(a.plainInsert.perSecond, 'rows')} (plain multi-row INSERT)`,
        formatRatio(a.appendRatio),
        `≥ ${formatCount(TARGETS.auditAppendPerSecond)}/s`,
        met(a.append.perSecond >= TARGETS.auditAppendPerSecond),
      ]);
      rows.push([
        'Audit verify',
        n,
        rate(a.verify.perSecond, 'entries'),
        `${rate(a.plainRead.perSecond, 'rows')} (same pages read, no hashing)`,
        formatRatio(a.verifyRatio),
        '—',
        '—',
      ]);
    }
    for (const error of d.errors) rows.push([`error`, n, error.replaceAll('|', '\\|'), '', '', '', '**no**']);
  }
  if (results.scanner) {
    const s = results.scanner;
    rows.push([
      'Scanner `detect`',
      '—',
      rate(s.detect.perSecond, 'values'),
      `${rate(s.regex.perSecond, 'values')} (one precompiled regex)`,
      formatRatio(s.ratio),
      `≥ ${formatCount(TARGETS.scannerPerSecond)}/s`,
      met(s.detect.perSecond >= TARGETS.scannerPerSecond),
    ]);
  }
  return table(['benchmark', 'database', 'Registre', 'baseline', 'ratio', 'target', 'met'], rows);
}

function sweepDetails(d: DialectResults, s: SweepFigures): string[] {
  const lines = [
    `### ${nameOf(d.dialect)}`,
    '',
    `${formatCount(s.due)} rows due (plan), batches of ${formatCount(s.batchSize)} keys. ` +
      `Engine: ${formatCount(s.engine.rows)} rows in ${formatSeconds(s.engine.ms)} ` +
      `(of which ${formatSeconds(s.engineStartupMs)} before the first batch committed: schemas, plan, run row, first batch; ` +
      `\`planSweep\` alone took ${formatSeconds(s.planMs)} on the source copy). ` +
      `Hand-written: ${formatCount(s.hand.rows)} rows in ${formatSeconds(s.hand.ms)}. ` +
      `Both copies end identical (${s.differences} differing rows over every demo table); ` +
      `the engine's trail: ${formatCount(s.auditEntries)} entries, \`verifyAudit\` ${s.auditOk ? 'ok' : 'FAILED'}.`,
    '',
    ...table(
      ['step', 'rows', 'engine', 'hand-written', 'engine rows/s', 'hand rows/s'],
      s.steps
        .filter((step) => step.engineRows > 0 || step.handRows > 0)
        .map((step) => [
          `\`${step.id}\``,
          formatCount(step.engineRows),
          `${formatMs(step.engineMs)}${step.engineTimedRows < step.engineRows ? ' ¹' : ''}`,
          formatMs(step.handMs),
          step.engineMs > 0 ? formatCount((step.engineTimedRows * 1000) / step.engineMs) : '—',
          step.handMs > 0 ? formatCount((step.handRows * 1000) / step.handMs) : '—',
        ]),
    ),
    '',
    "¹ without the run's first batch, which is counted in the start-up; rows/s over the other batches.",
    '',
  ];
  return lines;
}

function accessDetails(d: DialectResults, a: AccessFigures): string[] {
  const kinds = Object.entries(a.bySubjectKind)
    .map(([t, n]) => `${n} ${t}`)
    .join(', ');
  return [
    `### ${nameOf(d.dialect)}`,
    '',
    `${a.subjects} people timed (${kinds}) after ${a.warmup} untimed; ${a.meanRows.toFixed(1)} rows per person on average; ` +
      'the engine and the hand-written queries returned the same keys in every table for every person. ' +
      `Statements per person (untimed pass over 50 of them, begin/commit not counted): Registre ${a.statements.engine.toFixed(1)}, ` +
      `hand-written ${a.statements.hand.toFixed(1)}.`,
    '',
    ...table(
      ['', 'p50', 'p99', 'mean', 'max'],
      [
        [
          'Registre (`findSubject` + `executeAccess`)',
          a.engine.p50,
          a.engine.p99,
          a.engine.mean,
          a.engine.max,
        ].map((v) => (typeof v === 'number' ? formatMs(v) : v)),
        ['hand-written queries', a.hand.p50, a.hand.p99, a.hand.mean, a.hand.max].map((v) =>
          typeof v === 'number' ? formatMs(v) : v,
        ),
        [
          'hand-written queries + one trace row, one transaction',
          a.handTraced.p50,
          a.handTraced.p99,
          a.handTraced.mean,
          a.handTraced.max,
        ].map((v) => (typeof v === 'number' ? formatMs(v) : v)),
        [
          'hand-written queries as prepared statements',
          a.handPrepared.p50,
          a.handPrepared.p99,
          a.handPrepared.mean,
          a.handPrepared.max,
        ].map((v) => (typeof v === 'number' ? formatMs(v) : v)),
      ],
    ),
    '',
  ];
}

function auditDetails(d: DialectResults, a: AuditFigures): string[] {
  return [
    `### ${nameOf(d.dialect)}`,
    '',
    ...table(
      ['', 'time', 'rate'],
      [
        [
          '`appendAudit`, 1 000 entries per transaction',
          formatMs(a.append.ms),
          rate(a.append.perSecond, 'entries'),
        ],
        [
          'plain multi-row INSERT, 1 000 rows per transaction',
          formatMs(a.plainInsert.ms),
          rate(a.plainInsert.perSecond, 'rows'),
        ],
        [
          'the same rows copied inside the database (`insert … select`), 1 000 per transaction',
          formatMs(a.serverCopy.ms),
          rate(a.serverCopy.perSecond, 'rows'),
        ],
        ['`verifyAudit`', formatMs(a.verify.ms), rate(a.verify.perSecond, 'entries')],
        ['same pages read without hashing', formatMs(a.plainRead.ms), rate(a.plainRead.perSecond, 'rows')],
      ],
    ),
    '',
  ];
}

function sweepGap(name: string, s: SweepFigures): string {
  const gap = s.engine.ms - s.hand.ms;
  const parts = s.steps
    .map((step) => ({ id: step.id, extra: step.engineMs - step.handMs, rowByRow: step.rowByRow }))
    .filter((p) => p.extra > 0)
    .sort((a, b) => b.extra - a.extra)
    .slice(0, 3)
    .map((p) => `\`${p.id}\` +${formatMs(p.extra)}${p.rowByRow ? ' (anonymised row by row)' : ''}`);
  return (
    `- **Sweep, ${name}**: the engine took ${formatMs(gap)} more than the hand-written SQL. ` +
    `Start-up (audit and run tables, the plan's counting queries, the run row, the first batch): ${formatMs(s.engineStartupMs)}` +
    ` (\`planSweep\` alone: ${formatMs(s.planMs)}). Largest step differences: ${parts.join(', ') || 'none'}. ` +
    'Per batch the engine also writes its audit entry (4 statements, chain head included) and its progress row, ' +
    'and repeats the due condition in the effect statement.'
  );
}

function whereTimeGoes(results: BenchResults): string[] {
  const lines: string[] = [];
  for (const d of results.dialects) {
    const n = nameOf(d.dialect);
    if (d.sweep && d.sweep.ratio < TARGETS.sweepRatio) lines.push(sweepGap(n, d.sweep));
    if (d.access && d.access.ratioP50 > TARGETS.accessRatio) {
      const a = d.access;
      const steps =
        d.dialect === 'postgres'
          ? 'the identity lookup, the rows of every table in one statement (tables with other column types in one ' +
            'each), then the audit entry in one compare-and-swap statement that commits on its own'
          : `the identity lookup, per table its rows (with their restriction flags${d.dialect === 'mysql' ? ', read by a second query' : ''}), ` +
            'then the audit entry (chain head locked and read in one statement, entry inserted, head moved) and the ' +
            'commit, all in one transaction';
      lines.push(
        `- **Access, ${n}**: Registre runs ${a.statements.engine.toFixed(1)} statements per person against ` +
          `${a.statements.hand.toFixed(1)} hand-written ones — ${steps}: ` +
          `${formatMs(a.engine.p50 / Math.max(1, a.statements.engine))} per statement ` +
          `at p50 against ${formatMs(a.hand.p50 / Math.max(1, a.statements.hand))}. The same queries plus one trace row ` +
          `written by hand in one transaction take ${formatMs(a.handTraced.p50)} at p50 ` +
          `(${formatRatio(a.handTraced.p50 / a.hand.p50)} the read alone): writing a durable record of the access ` +
          'costs that much by itself.',
      );
    }
    if (d.audit && d.audit.append.perSecond < TARGETS.auditAppendPerSecond) {
      const a = d.audit;
      const perBatch = (ms: number) => formatMs((ms * 1000) / a.entries);
      lines.push(
        `- **Audit append, ${n}**: ${perBatch(a.append.ms)} per 1 000 entries; a plain multi-row INSERT of the same ` +
          `rows takes ${perBatch(a.plainInsert.ms)}, and the database alone, copying the same rows from one table to ` +
          `another with no client involved, ${perBatch(a.serverCopy.ms)} (${rate(a.serverCopy.perSecond, 'rows')}).` +
          (a.serverCopy.perSecond < TARGETS.auditAppendPerSecond
            ? ` Storing the rows alone stays under ${formatCount(TARGETS.auditAppendPerSecond)}/s on this machine.`
            : ` What is left above that is hashing (one SHA-256 per entry, in order), building the values and sending them.`),
      );
    }
  }
  if (results.scanner && results.scanner.detect.perSecond < TARGETS.scannerPerSecond) {
    lines.push(`- **Scanner**: \`detect\` takes ${formatMs(results.scanner.detect.msPerPass)} per pass.`);
  }
  return lines.length === 0 ? [] : ['## Where the time goes (targets missed)', '', ...lines, ''];
}

/** The whole RESULTS.md. */
export function renderResults(results: BenchResults): string {
  const m = results.machine;
  const lines: string[] = [
    '# Benchmark results',
    '',
    `Generated by \`${results.command}\` on ${results.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC ` +
      `(commit ${m.commit}); the whole run took ${formatSeconds(results.totalMs)}. ` +
      'Every figure below was measured in that run; how to run it and what each baseline is: [README.md](README.md).',
    '',
    ...(results.note === undefined ? [] : [`> Note from the person running it: ${results.note}`, '']),
    ...(results.profileNotes
      ? [
          'Where the time goes in the engine, from CPU profiles taken by hand (not part of this generated file): ' +
            '[PROFILE.md](PROFILE.md).',
          '',
        ]
      : []),
    '## Machine',
    '',
    ...table(
      ['', ''],
      [
        ['CPU', m.cpu],
        ['cores', String(m.cores)],
        ['RAM', `${m.ramGiB} GiB`],
        ['Node.js', m.node],
        ['OS', m.os],
        [
          'load average (1, 5, 15 min)',
          `${results.load.start.map((l) => l.toFixed(2)).join(' / ')} at the start, ${results.load.end
            .map((l) => l.toFixed(2))
            .join(' / ')} at the end`,
        ],
        ...Object.entries(m.databases).map(([d, v]) => [nameOf(d), v]),
      ],
    ),
    '',
    '## Data',
    '',
    `The demo organisation (examples/demo) generated with **${formatCount(results.subjects)} subjects** ` +
      `(seed ${results.seed}, today ${results.today}); generation time is not part of any ratio.`,
    '',
    ...table(
      ['database', 'rows', 'generation', 'statistics (ANALYZE)', 'two copies for the sweep'],
      results.dialects.map((d) => [
        nameOf(d.dialect),
        d.generation ? formatCount(d.generation.rows) : '—',
        d.generation
          ? `${formatSeconds(d.generation.ms)} (${formatCount((d.generation.rows * 1000) / d.generation.ms)} rows/s)`
          : '—',
        d.preparation ? formatSeconds(d.preparation.analyzeMs) : '—',
        d.preparation ? formatSeconds(d.preparation.copyMs) : '—',
      ]),
    ),
    '',
    '## Summary',
    '',
    ...summary(results),
    '',
  ];
  if (results.errors.length > 0) {
    lines.push('Errors:', '', ...results.errors.map((e) => `- ${e}`), '');
  }
  lines.push(...whereTimeGoes(results));
  const sweeps = results.dialects.filter((d) => d.sweep);
  if (sweeps.length > 0) {
    lines.push(
      '## 1. Retention sweep',
      '',
      'Two identical copies of the demo database; `executeSweep` (plan, batches, one audit entry and one progress ' +
        'row per batch) on one, the hand-written SQL of `bench/hand-sweep.ts` on the other, same day, cut-offs and ' +
        'batch size. Engine step times come from its progress callbacks (time between committed batches).',
      '',
    );
    for (const d of sweeps) if (d.sweep) lines.push(...sweepDetails(d, d.sweep));
  }
  const accesses = results.dialects.filter((d) => d.access);
  if (accesses.length > 0) {
    lines.push('## 2. Subject access', '');
    for (const d of accesses) if (d.access) lines.push(...accessDetails(d, d.access));
  }
  const audits = results.dialects.filter((d) => d.audit);
  if (audits.length > 0) {
    const entries = audits[0]?.audit?.entries ?? 0;
    lines.push('## 3. Audit trail', '', `${formatCount(entries)} entries on a fresh trail.`, '');
    for (const d of audits) if (d.audit) lines.push(...auditDetails(d, d.audit));
  }
  if (results.scanner) {
    const s = results.scanner;
    lines.push(
      '## 4. Scanner',
      '',
      `${formatCount(s.values)} values read from the ${nameOf(s.source)} demo database (every sampled column of every ` +
        `table, as the scanner reads them), ${s.passes} timed passes after a warm-up, median pass: ` +
        `\`detect\` ${formatMs(s.detect.msPerPass)} per pass (${rate(s.detect.perSecond, 'values')}, ` +
        `${(s.matched * 100).toFixed(1)} % of values matched a detector); one precompiled regex ` +
        `${formatMs(s.regex.msPerPass)} per pass (${rate(s.regex.perSecond, 'values')}).`,
      '',
    );
  }
  if (results.load.phases.length > 0) {
    const loads = (l: readonly number[]) => l.map((v) => v.toFixed(2)).join(' / ');
    lines.push(
      '## Load during the run',
      '',
      'Load averages (1, 5, 15 min) when each phase started; on 2 cores, a 1-minute figure well above 1 means ' +
        'other processes competed with the benchmark for the CPU.',
      '',
      ...table(
        ['phase', 'load average'],
        results.load.phases.map((p) => [p.label, loads(p.load)]),
      ),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
