/**
 * The engine's view of an organisation: its data map and the policy the map enforces, with the
 * policy's retention rules indexed by id. Sweeps and subject requests start from this object.
 */
import { type LoadedDataMap, loadDataMapOrThrow } from '../datamap/load-datamap.ts';
import type { TDataMap } from '../datamap/model.ts';
import { RegistreError } from '../errors/registry.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import type { TActivity, TRetentionRule } from '../policy/model.ts';

/** A retention rule with the activity that declares it. */
export interface RuleRef {
  readonly rule: TRetentionRule;
  readonly activity: TActivity;
}

export interface EngineContext {
  /** The data-map file as given. */
  readonly datamapFile: string;
  readonly datamap: TDataMap;
  readonly policy: LoadedPolicy;
  /** Every retention rule of the policy, by id. */
  readonly rules: ReadonlyMap<string, RuleRef>;
  /** Warnings of the data map and of its policy, one formatted line each. */
  readonly warnings: readonly string[];
}

/**
 * Builds the context from a loaded data map. Throws `REG_ERR_DATAMAP_INVALID` when two
 * activities declare a retention rule with the same id (the data map could not tell them apart).
 */
export function buildEngineContext(
  loaded: Pick<LoadedDataMap, 'file' | 'datamap' | 'policy' | 'warnings'>,
): EngineContext {
  const rules = new Map<string, RuleRef>();
  for (const activity of loaded.policy.policy.activities) {
    for (const rule of activity.retention) {
      const previous = rules.get(rule.id);
      if (previous !== undefined) {
        throw new RegistreError(
          'REG_ERR_DATAMAP_INVALID',
          `${loaded.policy.file}: retention rule id '${rule.id}' is declared by activities '${previous.activity.id}' and '${activity.id}'; rule ids must be unique for the data map to name them`,
        );
      }
      rules.set(rule.id, { rule, activity });
    }
  }
  const warnings = [...loaded.policy.warnings, ...loaded.warnings].map(
    (w) => `${w.file}${w.line === undefined ? '' : `:${w.line}`} [${w.code}] ${w.message}`,
  );
  return { datamapFile: loaded.file, datamap: loaded.datamap, policy: loaded.policy, rules, warnings };
}

/**
 * Loads a data-map file and the policy it names (see `loadDataMapOrThrow` for the errors thrown
 * when either is invalid) and indexes the policy's retention rules.
 */
export async function loadEngineContext(datamapPath: string): Promise<EngineContext> {
  return buildEngineContext(await loadDataMapOrThrow(datamapPath));
}
