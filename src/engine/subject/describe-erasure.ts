/**
 * An erasure plan in words, in the policy's language: for every table, what happens and why —
 * the reason shown to the subject for what is kept (Art 17(3) ground, legal hold, rows that
 * must stay and refer to the data).
 */
import { lowerFirst, quote, reasonPhrase } from '../../policy/render/notice/event-phrases.ts';
import { labelOf, textOf } from '../../policy/taxonomy/labels.ts';
import type { Language, Taxonomy } from '../../policy/taxonomy/types.ts';
import type { SubjectContext } from './context.ts';
import type { ErasurePlan, ErasureTablePlan, KeepReason } from './plan-erasure.ts';

const W = {
  fr: {
    records: (n: number) => `${n} enregistrement${n > 1 ? 's' : ''}`,
    deleted: (n: number) => `${n} supprimé${n > 1 ? 's' : ''}`,
    anonymised: (n: number) => `${n} anonymisé${n > 1 ? 's' : ''}`,
    already: (n: number) => `${n} déjà anonymisé${n > 1 ? 's' : ''}`,
    kept: (n: number, why: string) => `${n} conservé${n > 1 ? 's' : ''} : ${why}`,
    refused: (activity: string, reasons: string) =>
      `le droit à l'effacement ne s'applique pas au traitement ${quote(activity, 'fr')}${reasons === '' ? '' : ` (${reasons})`}`,
    keep: (reason: string) => `conservation requise (${reason})`,
    hold: (reason: string) => `conservation obligatoire en cours (${reason})`,
    referenced: (table: string) => `des données conservées de ${quote(table, 'fr')} y font référence`,
    nothing: 'aucune donnée',
    total: (p: ErasurePlan['totals']) =>
      `${p.rows} enregistrement(s) : ${p.deleted} supprimé(s), ${p.anonymised} anonymisé(s), ${p.kept} conservé(s)${p.alreadyAnonymised > 0 ? `, ${p.alreadyAnonymised} déjà anonymisé(s)` : ''}`,
  },
  en: {
    records: (n: number) => `${n} record${n === 1 ? '' : 's'}`,
    deleted: (n: number) => `${n} deleted`,
    anonymised: (n: number) => `${n} anonymised`,
    already: (n: number) => `${n} already anonymised`,
    kept: (n: number, why: string) => `${n} kept: ${why}`,
    refused: (activity: string, reasons: string) =>
      `the right to erasure does not apply to ${quote(activity, 'en')}${reasons === '' ? '' : ` (${reasons})`}`,
    keep: (reason: string) => `must be kept (${reason})`,
    hold: (reason: string) => `a legal retention period is running (${reason})`,
    referenced: (table: string) => `data that is kept in ${quote(table, 'en')} refers to it`,
    nothing: 'no data',
    total: (p: ErasurePlan['totals']) =>
      `${p.rows} record(s): ${p.deleted} deleted, ${p.anonymised} anonymised, ${p.kept} kept${p.alreadyAnonymised > 0 ? `, ${p.alreadyAnonymised} already anonymised` : ''}`,
  },
} as const;

/** Why rows are kept, as a phrase. */
export function keepReasonText(ctx: SubjectContext, reason: KeepReason, lang: Language): string {
  const t = W[lang];
  const taxonomy: Taxonomy = ctx.policy.taxonomy;
  switch (reason.kind) {
    case 'right-not-available': {
      const activity = ctx.policy.policy.activities.find((a) => a.id === reason.activity);
      const name = activity === undefined ? reason.activity : textOf(activity.name, lang);
      const reasons = reason.reasons.map((id) => lowerFirst(labelOf(taxonomy, 'limitReasons', id, lang)));
      return t.refused(name, reasons.join(', '));
    }
    case 'keep-strategy':
      return t.keep(reasonPhrase(taxonomy, reason.reason, lang));
    case 'legal-hold':
      return t.hold(reasonPhrase(taxonomy, reason.reason, lang));
    case 'referenced':
      return t.referenced(reason.table);
  }
}

/** One table's outcome in words: "invoices — 4 enregistrements : 1 supprimé ; 3 conservés : …". */
export function describeErasureTable(ctx: SubjectContext, table: ErasureTablePlan, lang: Language): string {
  const t = W[lang];
  const parts: string[] = [];
  if (table.erase.length > 0) {
    parts.push(
      table.strategy === 'delete' ? t.deleted(table.erase.length) : t.anonymised(table.erase.length),
    );
  }
  if (table.alreadyAnonymised > 0) parts.push(t.already(table.alreadyAnonymised));
  for (const kept of table.kept) parts.push(t.kept(kept.keys.length, keepReasonText(ctx, kept.reason, lang)));
  const body = parts.length === 0 ? t.nothing : parts.join(lang === 'fr' ? ' ; ' : '; ');
  return `${table.table} — ${t.records(table.rows)}${lang === 'fr' ? ' : ' : ': '}${body}`;
}

/** The whole plan in words: one line per table holding rows, then the totals. */
export function describeErasurePlan(ctx: SubjectContext, plan: ErasurePlan, lang: Language): string[] {
  const lines = plan.tables.filter((t) => t.rows > 0).map((t) => describeErasureTable(ctx, t, lang));
  lines.push(W[lang].total(plan.totals));
  return lines;
}
