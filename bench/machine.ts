/**
 * What the benchmark ran on: CPU, cores, memory, Node.js, operating system, database versions and
 * the repository commit, for the header of RESULTS.md.
 */
import { execFileSync } from 'node:child_process';
import { cpus, type as osType, release, totalmem } from 'node:os';
import { sql } from 'kysely';
import type { TargetDb } from '../src/engine/db/types.ts';

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly ramGiB: number;
  readonly node: string;
  readonly os: string;
  readonly commit: string;
  /** Database server or library versions, by dialect. */
  readonly databases: Record<string, string>;
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    // The benchmark's own code counts too (its RESULTS.md aside): it decides what is measured.
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'src', 'examples', 'bench', ':(exclude)bench/RESULTS.md'],
      { encoding: 'utf8' },
    ).trim();
    return dirty === '' ? commit : `${commit} (with uncommitted changes in src/, examples/ or bench/)`;
  } catch {
    return 'unknown';
  }
}

function cpuModel(): string {
  const model = cpus()[0]?.model?.trim() ?? 'unknown';
  try {
    // Virtual machines often report a bare family name; lscpu may add the family and model numbers.
    const lscpu = execFileSync('lscpu', [], { encoding: 'utf8' });
    const family = /^CPU family:\s+(.+)$/m.exec(lscpu)?.[1];
    const number = /^Model:\s+(.+)$/m.exec(lscpu)?.[1];
    const hypervisor = /^Hypervisor vendor:\s+(.+)$/m.exec(lscpu)?.[1];
    const extra = [
      family === undefined ? '' : `family ${family}`,
      number === undefined ? '' : `model ${number}`,
      hypervisor === undefined ? '' : `${hypervisor} guest`,
    ].filter((part) => part !== '');
    return extra.length > 0 ? `${model} (${extra.join(', ')})` : model;
  } catch {
    return model;
  }
}

/** The version a database reports (`select version()` / `sqlite_version()`). */
export async function databaseVersion(target: TargetDb): Promise<string> {
  if (target.dialect === 'sqlite') {
    const row = await sql<{ v: string }>`select sqlite_version() as v`.execute(target.db);
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(target.db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(target.db);
    const level = ['OFF', 'NORMAL', 'FULL', 'EXTRA'][Number(sync.rows[0]?.synchronous)] ?? '?';
    return `SQLite ${row.rows[0]?.v ?? '?'} (better-sqlite3, journal_mode=${mode.rows[0]?.journal_mode ?? '?'}, synchronous=${level})`;
  }
  const row = await sql<{ v: string }>`select version() as v`.execute(target.db);
  return (row.rows[0]?.v ?? '?').split(' on ')[0] ?? '?';
}

/** The machine and repository the run happens on (databases are filled in by the caller). */
export function machineInfo(): MachineInfo {
  return {
    cpu: cpuModel(),
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    os: `${osType()} ${release()}`,
    commit: gitCommit(),
    databases: {},
  };
}
