/**
 * Loading the taxonomy: the built-in YAML files shipped under `data/`, and the organisation's
 * extensions (inline in the policy or in taxonomy files), whose ids start with `x-`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { RegistreError } from '../../errors/registry.ts';
import { TAXONOMY_KINDS, type Taxonomy, type TaxonomyKind } from './types.ts';

/** The kinds, in the order of {@link TAXONOMY_KINDS}. */
export const TAXONOMY_KIND_NAMES = Object.keys(TAXONOMY_KINDS) as TaxonomyKind[];

/** Folder of the built-in YAML files, next to this module. */
export const BUILTIN_TAXONOMY_DIR = fileURLToPath(new URL('./data/', import.meta.url));

/** Prefix every organisation-defined id carries, so it never collides with a future built-in id. */
export const EXTENSION_ID_PREFIX = 'x-';

/**
 * A problem in an organisation's taxonomy extension. Shaped like a policy finding (`severity`,
 * `code`, `message`, `file`, `path`) so the policy loader can place it in its file.
 */
export interface TaxonomyIssue {
  readonly severity: 'error';
  /** `taxonomy-unknown-kind`, `taxonomy-not-a-list`, `taxonomy-id-prefix`, `taxonomy-id-redefined` or `taxonomy-invalid-entry`. */
  readonly code: string;
  readonly message: string;
  /** Where the extension comes from (a file path, or the policy file for inline extensions). */
  readonly source: string;
  /** Same as `source`: the file the finding is about. */
  readonly file: string;
  /** The kind name as written (it may be an unknown one). */
  readonly kind: string;
  /** Position of the entry in the kind's list, when the issue is about one entry. */
  readonly index?: number;
  /** Path of the offending field inside the extension, e.g. `dataCategories[2].label.fr`. */
  readonly path: string;
}

type AnyEntry = { readonly id: string } & Record<string, unknown>;
type MutableTaxonomy = Record<TaxonomyKind, Map<string, AnyEntry>>;

function schemaOf(kind: TaxonomyKind): z.ZodType<AnyEntry> {
  return TAXONOMY_KINDS[kind].schema as unknown as z.ZodType<AnyEntry>;
}

function isKind(name: string): name is TaxonomyKind {
  return Object.hasOwn(TAXONOMY_KINDS, name);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

function formatFieldPath(path: readonly PropertyKey[]): string {
  return path
    .map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`))
    .join('');
}

function describeZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = formatFieldPath(issue.path).replace(/^\./, '');
      return field === '' ? issue.message : `${field}: ${issue.message}`;
    })
    .join('; ');
}

function readYamlFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new RegistreError(
      'REG_ERR_TAXONOMY_INVALID',
      `taxonomy file ${file} cannot be read (does it exist?)`,
      {
        cause,
      },
    );
  }
  try {
    return parse(text);
  } catch (cause) {
    const where = cause instanceof YAMLParseError && cause.linePos ? ` at line ${cause.linePos[0].line}` : '';
    const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new RegistreError(
      'REG_ERR_TAXONOMY_INVALID',
      `taxonomy file ${file} is not valid YAML${where}: ${reason}`,
      {
        cause,
      },
    );
  }
}

function readBuiltinKind(dir: string, kind: TaxonomyKind): Map<string, AnyEntry> {
  const file = join(dir, TAXONOMY_KINDS[kind].file);
  const list = readYamlFile(file);
  if (!Array.isArray(list)) {
    throw new RegistreError(
      'REG_ERR_TAXONOMY_INVALID',
      `built-in taxonomy file ${file} must be a YAML list of entries`,
    );
  }
  const entries = new Map<string, AnyEntry>();
  for (const [index, raw] of list.entries()) {
    const parsed = schemaOf(kind).safeParse(raw);
    if (!parsed.success) {
      throw new RegistreError(
        'REG_ERR_TAXONOMY_INVALID',
        `built-in taxonomy file ${file}, entry ${index}: ${describeZodIssues(parsed.error)}`,
      );
    }
    const { id } = parsed.data;
    if (entries.has(id)) {
      throw new RegistreError(
        'REG_ERR_TAXONOMY_INVALID',
        `built-in taxonomy file ${file}, entry ${index}: duplicate id "${id}" (ids must be unique within a kind)`,
      );
    }
    entries.set(id, deepFreeze(parsed.data));
  }
  return entries;
}

/**
 * Reads and validates every built-in taxonomy file of a folder (one file per kind, named as in
 * {@link TAXONOMY_KINDS}). Throws `REG_ERR_TAXONOMY_INVALID` on a missing file, invalid entry or
 * duplicate id. Use {@link loadBuiltinTaxonomy} in code; this is exposed to test other folders.
 */
export function readTaxonomyDir(dir: string): Taxonomy {
  const taxonomy = {} as MutableTaxonomy;
  for (const kind of TAXONOMY_KIND_NAMES) taxonomy[kind] = readBuiltinKind(dir, kind);
  return taxonomy as unknown as Taxonomy;
}

let builtin: Taxonomy | undefined;

/** The built-in taxonomy, read from `data/` on first call and cached. Its entries are frozen. */
export function loadBuiltinTaxonomy(): Taxonomy {
  builtin ??= readTaxonomyDir(BUILTIN_TAXONOMY_DIR);
  return builtin;
}

function extendKind(
  kind: TaxonomyKind,
  list: readonly unknown[],
  existing: ReadonlyMap<string, AnyEntry>,
  issue: (code: string, path: string, message: string, index?: number) => void,
): Map<string, AnyEntry> {
  const entries = new Map(existing);
  const allowsIsoIds = kind === 'countries';
  for (const [index, raw] of list.entries()) {
    const at = `${kind}[${index}]`;
    const rawId = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    let ok = true;
    if (typeof rawId === 'string') {
      if (entries.has(rawId)) {
        const what = existing.has(rawId) ? 'an existing entry' : 'an entry earlier in this list';
        issue(
          'taxonomy-id-redefined',
          `${at}.id`,
          `${at}: id "${rawId}" is already defined (${what}); pick another id`,
          index,
        );
        ok = false;
      } else if (!allowsIsoIds && !rawId.startsWith(EXTENSION_ID_PREFIX)) {
        issue(
          'taxonomy-id-prefix',
          `${at}.id`,
          `${at}: id "${rawId}" must start with "${EXTENSION_ID_PREFIX}" (e.g. "${EXTENSION_ID_PREFIX}${rawId}"): organisation ids never collide with built-in ones`,
          index,
        );
        ok = false;
      }
    }
    const parsed = schemaOf(kind).safeParse(raw);
    if (!parsed.success) {
      for (const zodIssue of parsed.error.issues) {
        const path = `${at}${formatFieldPath(zodIssue.path)}`;
        issue('taxonomy-invalid-entry', path, `${path}: ${zodIssue.message}`, index);
      }
      ok = false;
    }
    if (ok && parsed.success) entries.set(parsed.data.id, deepFreeze(parsed.data));
  }
  return entries;
}

/**
 * Adds an organisation's entries to a taxonomy and returns a new taxonomy (`base` is not
 * changed). Each entry is validated with its kind's schema; its id must start with `x-` (for
 * countries: an ISO 3166-1 code) and must not redefine an existing id. Invalid entries are left
 * out and reported as issues; the valid ones are added.
 */
export function extendTaxonomy(
  base: Taxonomy,
  extension: Record<string, unknown[]>,
  source: string,
): { taxonomy: Taxonomy; issues: TaxonomyIssue[] } {
  const taxonomy = { ...base } as unknown as MutableTaxonomy;
  const issues: TaxonomyIssue[] = [];
  for (const [name, list] of Object.entries(extension)) {
    const issue = (code: string, path: string, message: string, index?: number): void => {
      const common = { severity: 'error', code, message, source, file: source, kind: name, path } as const;
      issues.push(index === undefined ? common : { ...common, index });
    };
    if (!isKind(name)) {
      issue(
        'taxonomy-unknown-kind',
        name,
        `unknown taxonomy kind "${name}"; allowed kinds: ${TAXONOMY_KIND_NAMES.join(', ')}`,
      );
      continue;
    }
    if (!Array.isArray(list)) {
      issue('taxonomy-not-a-list', name, `${name}: expected a list of entries`);
      continue;
    }
    taxonomy[name] = extendKind(name, list, taxonomy[name], issue);
  }
  return { taxonomy: taxonomy as unknown as Taxonomy, issues };
}

/**
 * Reads an organisation's taxonomy file: a YAML mapping of kind name → list of entries. Entries
 * are validated later by {@link extendTaxonomy}. Throws `REG_ERR_TAXONOMY_INVALID` when the file
 * is missing, is not valid YAML, is not a mapping, or a kind's value is not a list.
 */
export function loadTaxonomyFile(path: string): Record<string, unknown[]> {
  if (!existsSync(path)) {
    throw new RegistreError('REG_ERR_TAXONOMY_INVALID', `taxonomy file ${path} not found`);
  }
  const document = readYamlFile(path);
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new RegistreError(
      'REG_ERR_TAXONOMY_INVALID',
      `taxonomy file ${path} must be a mapping of kind name to a list of entries (kinds: ${TAXONOMY_KIND_NAMES.join(', ')})`,
    );
  }
  const result: Record<string, unknown[]> = {};
  for (const [kind, list] of Object.entries(document)) {
    if (list === null) {
      result[kind] = [];
    } else if (Array.isArray(list)) {
      result[kind] = list;
    } else {
      throw new RegistreError(
        'REG_ERR_TAXONOMY_INVALID',
        `taxonomy file ${path}: "${kind}" must be a list of entries`,
      );
    }
  }
  return result;
}
