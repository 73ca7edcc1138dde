/** Helpers shared by the diff modules: building a change, comparing lists, naming things in sentences. */
import type { LoadedPolicy } from '../loaded-policy.ts';
import { quote } from '../render/notice/event-phrases.ts';
import { labelOf } from '../taxonomy/labels.ts';
import type { Language, Taxonomy, TaxonomyKind } from '../taxonomy/types.ts';
import { CHANGE_KINDS, type PolicyChange, type PolicyChangeKind } from './types.ts';

/** Both versions of the policy being compared. */
export interface DiffContext {
  readonly old: LoadedPolicy;
  readonly next: LoadedPolicy;
}

export type Bilingual = Readonly<Record<Language, string>>;

/** A change with the importance of its kind. `before`/`after` are included only when given. */
export function change(
  kind: PolicyChangeKind,
  target: string,
  message: Bilingual,
  values?: { readonly before?: unknown; readonly after?: unknown },
): PolicyChange {
  const base = { kind, importance: CHANGE_KINDS[kind], target, message };
  if (values === undefined) return base;
  return {
    ...base,
    ...(values.before === undefined ? {} : { before: values.before }),
    ...(values.after === undefined ? {} : { after: values.after }),
  };
}

/** Items of `next` missing from `old` (in `next` order), and of `old` missing from `next` (in `old` order). */
export function listDiff<T>(
  old: readonly T[],
  next: readonly T[],
  key: (item: T) => string = String,
): { added: T[]; removed: T[] } {
  const oldKeys = new Set(old.map(key));
  const nextKeys = new Set(next.map(key));
  return {
    added: next.filter((item) => !oldKeys.has(key(item))),
    removed: old.filter((item) => !nextKeys.has(key(item))),
  };
}

/** Deep equality of plain data (objects compared key by key, whatever the key order). */
export function sameData(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** A sentence in both languages from one function of the language. */
export function both(make: (lang: Language) => string): Bilingual {
  return { fr: make('fr'), en: make('en') };
}

/** Labels of taxonomy ids, joined: "Nom, Adresse e-mail". */
export function labels(
  taxonomy: Taxonomy,
  kind: TaxonomyKind,
  ids: readonly string[],
  lang: Language,
): string {
  return ids.map((id) => labelOf(taxonomy, kind, id, lang)).join(', ');
}

/**
 * A taxonomy label inside a sentence: lower-cased first letter ("Clauses contractuelles types" →
 * "clauses contractuelles types"), unless it holds a proper noun or acronym ("Privacy Shield
 * UE–États-Unis", "Adresse IP", "IT security").
 */
export function inSentence(label: string): string {
  const acronym = /^\p{Lu}{2}/u.test(label);
  const properNoun = /[\s'’(–-]\p{Lu}/u.test(label);
  return acronym || properNoun ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** A quoted name in the language's quotation marks. */
export const q = quote;

/** "La durée de conservation des journaux techniques" / "pour « Abonnement »": a rule label inside a sentence. */
export function ofRule(label: string, lang: Language): string {
  if (lang === 'en') return `for ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  const firstWord = label.split(' ')[0] ?? '';
  const plural = /[sx]$/i.test(firstWord) && firstWord.length > 2;
  return plural ? `des ${label.charAt(0).toLowerCase()}${label.slice(1)}` : `pour ${q(label, 'fr')}`;
}
