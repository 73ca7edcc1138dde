/**
 * Output helpers shared by the commands: human text to stdout, diagnostics to stderr, and a
 * `--json` mode where stdout carries exactly one JSON document.
 */
import type { PolicyIssue } from '../policy/loaded-policy.ts';

export interface Output {
  readonly json: boolean;
  /** Human-readable line (suppressed in JSON mode). */
  line(text?: string): void;
  /** The machine-readable result (printed only in JSON mode). */
  result(value: unknown): void;
  /** Raw document output (notice, register…), printed in both modes unless the command wraps it. */
  raw(text: string): void;
  error(text: string): void;
}

export function createOutput(json: boolean, stdout = process.stdout, stderr = process.stderr): Output {
  return {
    json,
    line(text = '') {
      if (!json) stdout.write(`${text}\n`);
    },
    result(value) {
      if (json) stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    raw(text) {
      stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    },
    error(text) {
      stderr.write(`${text}\n`);
    },
  };
}

/** `file:line:column: severity [code] message (at path)` — the shape editors and CI annotate. */
export function formatIssue(issue: PolicyIssue): string {
  const where = [issue.file, issue.line, issue.column].filter((part) => part !== undefined).join(':');
  const at = issue.path === '' ? '' : ` (at ${issue.path})`;
  return `${where}: ${issue.severity} [${issue.code}] ${issue.message}${at}`;
}
