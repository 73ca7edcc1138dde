/**
 * The organisation's database and data map, opened on first use and kept for the life of the
 * server. The demo database is created (schema and rows) when its tables are absent.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setupDemoDatabase } from '../../../examples/demo/setup-demo-database.ts';
import { type LoadedDataMap, loadDataMapOrThrow } from '../../datamap/load-datamap.ts';
import { openTarget, parseDatabaseUrl } from '../../engine/db/connect.ts';
import type { TargetDb } from '../../engine/db/types.ts';
import { RegistreError } from '../../errors/registry.ts';
import type { TargetConfig } from './target-config.ts';

export interface OpenedTarget {
  readonly target: TargetDb;
  readonly datamap: LoadedDataMap;
}

export interface FulfilmentTarget {
  readonly config: TargetConfig;
  /** The opened target (opened once; concurrent callers share the same opening). */
  open(): Promise<OpenedTarget>;
  close(): Promise<void>;
}

async function openOnce(config: TargetConfig, clock: () => Date): Promise<OpenedTarget> {
  let datamap: LoadedDataMap;
  try {
    datamap = await loadDataMapOrThrow(config.datamapPath);
  } catch (error) {
    throw new RegistreError(
      'REG_ERR_REQUESTS_TARGET_CONFIG',
      `data map ${config.datamapPath} could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (config.demo) {
    const parsed = parseDatabaseUrl(config.databaseUrl);
    if (parsed.dialect === 'sqlite') mkdirSync(dirname(parsed.location), { recursive: true });
  }
  const target = openTarget(config.databaseUrl);
  try {
    if (config.demo) {
      const { tables } = await target.adapter.introspect(target.db);
      if (!Object.keys(datamap.datamap.tables).some((name) => tables.has(name))) {
        await setupDemoDatabase(target, { today: clock() });
      }
    }
    return { target, datamap };
  } catch (error) {
    await target.close();
    throw error;
  }
}

/** A lazily opened fulfilment target for `config`. */
export function createFulfilmentTarget(
  config: TargetConfig,
  clock: () => Date = () => new Date(),
): FulfilmentTarget {
  let opening: Promise<OpenedTarget> | null = null;
  return {
    config,
    open() {
      if (opening === null) {
        opening = openOnce(config, clock);
        // A failed opening is retried by the next caller (configuration fixed, database back up).
        opening.catch(() => {
          opening = null;
        });
      }
      return opening;
    },
    async close() {
      const pending = opening;
      opening = null;
      if (pending !== null) await (await pending.catch(() => null))?.target.close();
    },
  };
}
