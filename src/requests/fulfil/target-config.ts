/**
 * Where fulfilment runs: the organisation's database and its data map, from the environment
 * (REGISTRE_TARGET_DB, REGISTRE_TARGET_DATAMAP). Without either, the demo organisation: its data
 * map and the demo database (REGISTRE_DEMO_DB, by default the SQLite file `registre demo` makes),
 * created on first use when absent.
 */
import { RegistreError } from '../../errors/registry.ts';

export const DEMO_DATAMAP = 'examples/demo/datamap.yaml';
/** The demo database `registre demo` (npm start) creates too, so both work on the same rows. */
export const DEMO_TARGET_URL = 'sqlite:.registre/demo/facturo.db';

export interface TargetConfig {
  /** Data-map file (it names its policy). */
  readonly datamapPath: string;
  /** Database URL (`sqlite:…`, `postgres://…`, `mysql://…`). */
  readonly databaseUrl: string;
  /** True for the demo: the database is created and filled when its tables are absent. */
  readonly demo: boolean;
}

function value(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

/**
 * Read the fulfilment target from `env`. Throws REG_ERR_REQUESTS_TARGET_CONFIG when only one of
 * the two variables is set (a data map describes one database; guessing the other would act on
 * the wrong data).
 */
export function loadTargetConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): TargetConfig {
  const datamapPath = value(env, 'REGISTRE_TARGET_DATAMAP');
  const databaseUrl = value(env, 'REGISTRE_TARGET_DB');
  if (datamapPath === undefined && databaseUrl === undefined) {
    return {
      datamapPath: DEMO_DATAMAP,
      databaseUrl: value(env, 'REGISTRE_DEMO_DB') ?? DEMO_TARGET_URL,
      demo: true,
    };
  }
  if (datamapPath === undefined || databaseUrl === undefined) {
    throw new RegistreError(
      'REG_ERR_REQUESTS_TARGET_CONFIG',
      `set both REGISTRE_TARGET_DB and REGISTRE_TARGET_DATAMAP (only ${
        datamapPath === undefined ? 'REGISTRE_TARGET_DB' : 'REGISTRE_TARGET_DATAMAP'
      } is set), or neither for the demo organisation`,
    );
  }
  return { datamapPath, databaseUrl, demo: false };
}
