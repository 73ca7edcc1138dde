/**
 * Ids that other parts of Registre look things up by must be unique: activities, processors, cookie
 * categories, and retention rules across the whole policy (the data map names a rule by its id).
 */
import type { TPolicy } from '../../model.ts';
import { formatPath, type PathSegment } from '../issue-path.ts';
import type { Finding } from '../policy-issue.ts';
import { reach } from './reach.ts';

const UNIQUE_IDS: readonly { readonly at: string; readonly name: string }[] = [
  { at: 'activities[*].id', name: 'activity' },
  { at: 'processors[*].id', name: 'processor' },
  { at: 'activities[*].retention[*].id', name: 'retention rule' },
  { at: 'cookies.categories[*].id', name: 'cookie category' },
];

/** Reports every repeated id at its second (and later) use, naming where it was first used. */
export function checkUniqueIds(policy: TPolicy): Finding[] {
  const findings: Finding[] = [];
  for (const { at, name } of UNIQUE_IDS) {
    const firstUse = new Map<string, readonly PathSegment[]>();
    for (const { value, path } of reach(policy, at)) {
      if (typeof value !== 'string') continue;
      const first = firstUse.get(value);
      if (first === undefined) {
        firstUse.set(value, path);
        continue;
      }
      findings.push({
        severity: 'error',
        code: 'duplicate-id',
        path,
        message: `${formatPath(path)}: duplicate ${name} id '${value}', already used by ${formatPath(first)}; ids must be unique`,
      });
    }
  }
  return findings;
}
