import type { TPolicy } from '../../model.ts';
import type { Taxonomy } from '../../taxonomy/types.ts';
import type { Finding } from '../policy-issue.ts';

/** A DPO check: a stable code, the severity it reports with, a one-line description, and the check. */
export interface PolicyCheck {
  readonly code: string;
  /** `error or warning` when the severity depends on the case (see the description). */
  readonly severity: 'error' | 'warning' | 'error or warning';
  readonly description: string;
  /** Runs on a policy that passed the schema; ids the taxonomy lacks are skipped (reported elsewhere). */
  readonly run: (policy: TPolicy, taxonomy: Taxonomy) => Finding[];
}
