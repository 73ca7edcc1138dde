/**
 * Parsing a policy (or taxonomy) file as YAML while keeping positions, so later checks can say on
 * which line and column a problem sits.
 */
import { type Document, isAlias, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import type { PolicyIssue } from '../loaded-policy.ts';
import { formatPath, type PathSegment } from './issue-path.ts';
import type { IssueLocator } from './policy-issue.ts';
import { findKeyPathAt, findOffset, findScalarSource } from './yaml-locate.ts';

/** A parsed YAML file: its plain value, the syntax problems found, and a locator for later issues. */
export interface ParsedYaml {
  readonly value: unknown;
  readonly document: Document;
  /** YAML syntax errors and duplicate keys (errors), YAML warnings (warnings). */
  readonly issues: readonly PolicyIssue[];
  readonly locator: IssueLocator;
  /** The text a scalar at `path` was written as, to quote it back in messages. */
  readonly sourceAt: (path: readonly PathSegment[]) => string | undefined;
}

/** Moves an offset that sits in a line's indentation to the first character written on that line. */
function skipIndentation(text: string, offset: number): number {
  let end = offset;
  while (text[end] === ' ' || text[end] === '\t') end++;
  const onlyIndentBefore = /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));
  return onlyIndentBefore && end < text.length && text[end] !== '\n' ? end : offset;
}

function syntaxIssue(
  error: YAMLError,
  severity: PolicyIssue['severity'],
  document: Document,
  lines: LineCounter,
  file: string,
  text: string,
  documentName: string,
): PolicyIssue {
  const offset = error.code === 'DUPLICATE_KEY' ? error.pos[0] : skipIndentation(text, error.pos[0]);
  const { line, col } = lines.linePos(offset);
  if (error.code === 'DUPLICATE_KEY') {
    const path = findKeyPathAt(document, offset) ?? [];
    const key = path.at(-1) ?? '';
    const parent = path.slice(0, -1);
    const where =
      parent.length === 0 ? `at the top level of the ${documentName}` : `in ${formatPath(parent)}`;
    return {
      severity,
      code: 'yaml-duplicate-key',
      message: `duplicate key '${key}' ${where}: a key may appear only once in a mapping; merge the two entries or remove one`,
      file,
      line,
      column: col,
      path: formatPath(path),
    };
  }
  return {
    severity,
    code: severity === 'error' ? 'yaml-syntax' : 'yaml-warning',
    message: `YAML ${severity === 'error' ? 'syntax error' : 'warning'} at line ${line}, column ${col}: ${error.message}`,
    file,
    line,
    column: col,
    path: '',
  };
}

/** Offset of the first alias whose anchor is not defined before it, if any. */
function unresolvedAliasOffset(document: Document): number | undefined {
  let offset: number | undefined;
  visit(document, {
    Alias(_key, node) {
      if (isAlias(node) && node.resolve(document) === undefined) {
        offset = node.range?.[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return offset;
}

/** Converts the document to plain data; an alias that cannot be resolved becomes an issue. */
function toPlain(
  document: Document,
  lines: LineCounter,
  file: string,
): { value?: unknown; issue?: PolicyIssue } {
  try {
    return { value: document.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const { line, col } = lines.linePos(unresolvedAliasOffset(document) ?? 0);
    const message = `YAML error at line ${line}, column ${col}: ${reason}`;
    return { issue: { severity: 'error', code: 'yaml-syntax', message, file, line, column: col, path: '' } };
  }
}

/**
 * Parses YAML text; never throws on bad input (problems come back as issues). `documentName` is
 * what messages call the document ("policy" unless given, e.g. "data map").
 */
export function parseYaml(text: string, file: string, documentName = 'policy'): ParsedYaml {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const issues = [
    ...document.errors.map((error) => syntaxIssue(error, 'error', document, lines, file, text, documentName)),
    ...document.warnings.map((warning) =>
      syntaxIssue(warning, 'warning', document, lines, file, text, documentName),
    ),
  ];
  const locator: IssueLocator = {
    file,
    position(path, target = 'value') {
      const { line, col } = lines.linePos(findOffset(document, path, target));
      return { line, column: col };
    },
  };
  const sourceAt = (path: readonly PathSegment[]) => findScalarSource(document, path);
  if (document.errors.length > 0) return { value: undefined, document, issues, locator, sourceAt };
  const plain = toPlain(document, lines, file);
  const all = plain.issue === undefined ? issues : [...issues, plain.issue];
  return { value: plain.value, document, issues: all, locator, sourceAt };
}
