/**
 * One call to get a ready demo database: check that the demo tables are absent (or drop them when
 * asked to reset), create the schema, fill it.
 */

import type { TargetDb } from '../../src/engine/db/types.ts';
import { RegistreError } from '../../src/errors/registry.ts';
import { type DemoOptions, type DemoStats, generateDemo } from './generate.ts';
import { createDemoSchema, DEMO_TABLES, dropDemoSchema } from './schema.ts';

export interface SetupDemoOptions extends DemoOptions {
  /** Drop the demo tables first when they exist (their rows are lost). */
  readonly reset?: boolean;
}

/** Names of the demo tables that already exist in the target database. */
export async function existingDemoTables(target: TargetDb): Promise<string[]> {
  const { tables } = await target.adapter.introspect(target.db);
  return DEMO_TABLES.map((t) => t.name).filter((name) => tables.has(name));
}

/**
 * Create and fill the Facturo demo schema in `target`. Refuses (REG_ERR_CLI_USAGE) when demo
 * tables exist and `reset` is not set, so that a database is never overwritten by accident.
 */
export async function setupDemoDatabase(target: TargetDb, options: SetupDemoOptions): Promise<DemoStats> {
  const existing = await existingDemoTables(target);
  if (existing.length > 0) {
    if (options.reset !== true) {
      throw new RegistreError(
        'REG_ERR_CLI_USAGE',
        `the ${target.dialect} database already has demo tables (${existing.join(', ')}); pass --reset to drop and recreate them`,
      );
    }
    await dropDemoSchema(target.db);
  }
  await createDemoSchema(target.db, target.dialect);
  return generateDemo(target, options);
}
