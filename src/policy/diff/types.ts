/** What changed between two versions of a policy, in words a data subject can read. */
import type { Language } from '../taxonomy/types.ts';

/**
 * Every kind of change, with its importance. `major`: the data subject should be informed (new
 * purpose, processor, transfer, recipient or data category, longer retention, a right newly
 * limited, a new way their data is obtained or decided on). `minor`: everything else.
 * Codes are stable: never rename one, only add.
 */
export const CHANGE_KINDS = {
  'version-changed': 'minor',
  'controller-changed': 'major',
  'controller-contact-changed': 'minor',
  'group-changed': 'minor',
  'joint-controller-added': 'major',
  'joint-controller-removed': 'minor',
  'representative-changed': 'minor',
  'dpo-changed': 'minor',
  'authority-changed': 'minor',
  'minimum-age-changed': 'minor',
  'activity-added': 'major',
  'activity-removed': 'minor',
  'activity-renamed': 'minor',
  'activity-role-changed': 'minor',
  'purpose-added': 'major',
  'purpose-removed': 'minor',
  'legal-basis-changed': 'major',
  'subject-category-added': 'minor',
  'subject-category-removed': 'minor',
  'data-category-added': 'major',
  'data-category-removed': 'minor',
  'data-requirement-changed': 'minor',
  'source-added': 'major',
  'source-removed': 'minor',
  'recipient-added': 'major',
  'recipient-removed': 'minor',
  'processor-assigned': 'major',
  'processor-unassigned': 'minor',
  'automated-decision-added': 'major',
  'automated-decision-removed': 'minor',
  'profiling-added': 'major',
  'profiling-removed': 'minor',
  'retention-rule-added': 'major',
  'retention-rule-removed': 'minor',
  'retention-longer': 'major',
  'retention-shorter': 'minor',
  'retention-trigger-changed': 'major',
  'retention-end-action-changed': 'minor',
  'retention-conditions-changed': 'minor',
  'legal-hold-added': 'major',
  'legal-hold-removed': 'minor',
  'processor-added': 'major',
  'processor-removed': 'minor',
  'processor-moved': 'major',
  'processor-service-changed': 'minor',
  'transfer-added': 'major',
  'transfer-removed': 'minor',
  'transfer-safeguard-weakened': 'major',
  'transfer-safeguard-changed': 'minor',
  'right-added': 'minor',
  'right-removed': 'minor',
  'right-limited': 'major',
  'right-extended': 'minor',
  'right-conditions-added': 'major',
  'right-conditions-removed': 'minor',
  'rights-channel-added': 'minor',
  'rights-channel-removed': 'major',
  'rights-conditions-added': 'major',
  'rights-conditions-removed': 'minor',
  'response-time-longer': 'major',
  'response-time-shorter': 'minor',
  'fees-increased': 'major',
  'fees-reduced': 'minor',
  'post-mortem-changed': 'minor',
  'complaint-authority-changed': 'minor',
  'security-measure-added': 'minor',
  'security-measure-removed': 'minor',
  'certification-changed': 'minor',
  'breach-commitment-changed': 'minor',
  'cookies-introduced': 'major',
  'cookies-discontinued': 'minor',
  'cookie-category-added': 'major',
  'cookie-category-removed': 'minor',
  'cookie-lifetime-longer': 'major',
  'cookie-lifetime-shorter': 'minor',
  'cookie-consent-added': 'minor',
  'cookie-consent-removed': 'major',
  'commitment-added': 'minor',
  'commitment-removed': 'minor',
} as const satisfies Record<string, ChangeImportance>;

export type ChangeImportance = 'major' | 'minor';
export type PolicyChangeKind = keyof typeof CHANGE_KINDS;

/** One change between two policy versions. */
export interface PolicyChange {
  /** Stable code of the change, e.g. `processor-added`, `retention-longer`. */
  readonly kind: PolicyChangeKind;
  /** `major` when the data subject should be informed of it. */
  readonly importance: ChangeImportance;
  /**
   * What the change is about, as a path of ids: `organisation`, `activity:prospects`,
   * `activity:logs/retention:technical-logs`, `processor:zoom/transfer:US`, `rights/right:erasure`.
   */
  readonly target: string;
  /** The value before and after, when one value summarises the change (a duration, a safeguard list…). */
  readonly before?: unknown;
  readonly after?: unknown;
  /** One sentence per language, for the data subject. */
  readonly message: Readonly<Record<Language, string>>;
}
