import type { TPolicy } from './model.ts';
import type { Taxonomy } from './taxonomy/types.ts';

/** One finding about a policy file: an error makes the policy invalid, a warning does not. */
export interface PolicyIssue {
  readonly severity: 'error' | 'warning';
  /** Stable kebab-case code of the finding, e.g. `unknown-key`, `privacy-shield-transfer`. */
  readonly code: string;
  /** A sentence a DPO can act on; names the field and, when relevant, the allowed values. */
  readonly message: string;
  /** File the finding is about (the policy file or one of its taxonomy files). */
  readonly file: string;
  /** 1-based line and column in that file, when the finding points at a node. */
  readonly line?: number;
  readonly column?: number;
  /** Path of the offending field, e.g. `activities[2].retention[0].duration`. */
  readonly path: string;
}

/** A policy that passed validation, with the taxonomy it was checked against. */
export interface LoadedPolicy {
  readonly file: string;
  readonly policy: TPolicy;
  /** Built-in taxonomy merged with the organisation's extensions. */
  readonly taxonomy: Taxonomy;
  readonly warnings: readonly PolicyIssue[];
}

export type PolicyLoadResult =
  | ({ readonly ok: true } & LoadedPolicy)
  | {
      readonly ok: false;
      readonly file: string;
      readonly errors: readonly PolicyIssue[];
      readonly warnings: readonly PolicyIssue[];
    };
