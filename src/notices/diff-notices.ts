/** What changed between two published notice versions, in words (src/policy/diff/). */
import type { Kysely } from 'kysely';
import { diffPolicies } from '../policy/diff/diff-policies.ts';
import { renderDiff } from '../policy/diff/render-diff.ts';
import type { PolicyChange } from '../policy/diff/types.ts';
import type { StoreDb } from '../store/schema/index.ts';
import { loadBundledPolicy } from './bundle-policy.ts';
import type { TNoticeVersion } from './notice-types.ts';
import { findNoticeVersion, readNoticePolicy } from './read-notices.ts';

export interface NoticeDiff {
  readonly from: TNoticeVersion;
  readonly to: TNoticeVersion;
  readonly changes: readonly PolicyChange[];
  /** The changes as Markdown in the requested language. */
  readonly markdown: string;
}

/**
 * Compare two published versions (by number; `to` may be `current`). Comparing a version with
 * an earlier one is allowed and lists the changes backwards.
 */
export async function diffNoticeVersions(
  db: Kysely<StoreDb>,
  from: number,
  to: number | 'current',
  lang: 'fr' | 'en',
): Promise<NoticeDiff> {
  const fromVersion = await findNoticeVersion(db, from);
  const toVersion = await findNoticeVersion(db, to);
  const old = loadBundledPolicy(
    await readNoticePolicy(db, fromVersion.version),
    `notice-v${fromVersion.version}`,
  );
  const next = loadBundledPolicy(
    await readNoticePolicy(db, toVersion.version),
    `notice-v${toVersion.version}`,
  );
  const changes = diffPolicies(old, next);
  return { from: fromVersion, to: toVersion, changes, markdown: renderDiff(changes, { lang, format: 'md' }) };
}
