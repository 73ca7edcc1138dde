/** One step of a path into the policy document: a mapping key or a list index. */
export type PathSegment = string | number;

/**
 * Writes a path the way a DPO reads it in the YAML file: `activities[2].retention[0].duration`.
 * Keys that are not plain identifiers (a record key such as `withdraw-consent`) stay readable as
 * they are: `rights.statements.withdraw-consent.available`.
 */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/**
 * Where a path points, for use inside a sentence: "in activities[0]" or "at the top level of the
 * policy" (`documentName` names the document for other files, e.g. "data map").
 */
export function describeLocation(path: readonly PathSegment[], documentName = 'policy'): string {
  return path.length === 0 ? `at the top level of the ${documentName}` : `in ${formatPath(path)}`;
}

/** Reads a written path back into segments: `activities[2].name` → `['activities', 2, 'name']`. */
export function parsePath(written: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of written.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else if (match[1] !== undefined) segments.push(match[1]);
  }
  return segments;
}
