/**
 * Building {@link PolicyIssue}s: a finding about a path, placed at its line and column.
 */
import type { PolicyIssue } from '../loaded-policy.ts';
import { formatPath, type PathSegment } from './issue-path.ts';
import type { LocateTarget } from './yaml-locate.ts';

export type Severity = PolicyIssue['severity'];

/** A 1-based line and column in a file. */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** The file a check reads, and how to find the line and column of a path in it. */
export interface IssueLocator {
  readonly file: string;
  position(path: readonly PathSegment[], target?: LocateTarget): Position | undefined;
}

/** A locator for a policy that has no source text (built in code): issues carry no position. */
export function locatorWithoutPositions(file: string): IssueLocator {
  return { file, position: () => undefined };
}

/** What a check reports before it is placed in the file. */
export interface Finding {
  readonly severity: Severity;
  readonly code: string;
  readonly path: readonly PathSegment[];
  readonly message: string;
  /** Point at the key of the last path segment instead of its value. */
  readonly target?: LocateTarget;
}

/** Places a finding in its file: adds the file, the line and column, and the written path. */
export function placeFinding(locator: IssueLocator, finding: Finding): PolicyIssue {
  const position = locator.position(finding.path, finding.target ?? 'value');
  const base = {
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    file: locator.file,
    path: formatPath(finding.path),
  };
  return position === undefined ? base : { ...base, line: position.line, column: position.column };
}

/** Splits issues into errors and warnings, keeping their order. */
export function partitionIssues(issues: readonly PolicyIssue[]): {
  errors: PolicyIssue[];
  warnings: PolicyIssue[];
} {
  return {
    errors: issues.filter((issue) => issue.severity === 'error'),
    warnings: issues.filter((issue) => issue.severity === 'warning'),
  };
}
