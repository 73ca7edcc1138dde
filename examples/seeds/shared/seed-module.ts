/**
 * What every seed example exports (examples/seeds/<slug>/schema.ts and generate.ts): its tables,
 * a function creating them, the fixed day its data is generated for, and the generator.
 */
import type { AnyDb, DialectName, TargetDb } from '../../../src/engine/db/types.ts';
import type { SeedTable } from './schema-kit.ts';

export interface SeedOptions {
  /** The day the data is generated for (default: the seed's fixed day). */
  readonly today?: Date;
  /** Seed of the pseudo-random generator (default 1). */
  readonly seed?: number;
}

/** What a generator inserted. */
export interface SeedStats {
  /** The day the data was generated for (`YYYY-MM-DD`). */
  readonly today: string;
  /** Rows per table, in insertion order. */
  readonly tables: Readonly<Record<string, number>>;
  /** Per `table/rule`: rows past their deadline on `today` and rows not, as `isPeriodOver` decides. */
  readonly deadlines: Readonly<Record<string, { readonly past: number; readonly notPast: number }>>;
}

export interface SeedExample {
  readonly tables: readonly SeedTable[];
  createSchema(db: AnyDb, dialect: DialectName): Promise<void>;
  readonly today: Date;
  generate(target: TargetDb, options?: SeedOptions): Promise<SeedStats>;
}
