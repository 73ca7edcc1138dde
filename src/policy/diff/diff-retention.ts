/** Changes to the retention rules of an activity (matched by id), with durations compared by length. */
import type { TActivity, TRetentionRule } from '../model.ts';
import { reasonPhrase } from '../render/notice/event-phrases.ts';
import { describeDuration, describeRetention } from '../render/retention-words.ts';
import { compareDurations, isZeroDuration, parseDuration } from '../retention/duration.ts';
import { textOf } from '../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../taxonomy/types.ts';
import { both, change, type DiffContext, listDiff, ofRule, q } from './change.ts';
import type { PolicyChange, PolicyChangeKind } from './types.ts';

const END: Readonly<Record<TRetentionRule['endAction'], Readonly<Record<Language, string>>>> = {
  delete: { fr: 'suppression', en: 'deletion' },
  anonymise: { fr: 'anonymisation', en: 'anonymisation' },
  'return-and-delete': {
    fr: 'restitution au client puis suppression',
    en: 'return to the customer then deletion',
  },
};

const T = {
  fr: {
    period: (of: string, a: string, b: string) =>
      `La durée de conservation ${of} passe ${a.startsWith('au ') ? `d'${a}` : `de ${a}`} à ${b}.`,
    longer: (of: string, a: string, b: string) =>
      `La durée de conservation ${of} s'allonge : désormais ${b} (auparavant : ${a}).`,
    shorter: (of: string, a: string, b: string) =>
      `La durée de conservation ${of} se réduit : désormais ${b} (auparavant : ${a}).`,
    archive: (of: string, a: string, b: string) =>
      `La durée d'archivage intermédiaire ${of} passe de ${a} à ${b}.`,
    archiveAdded: (of: string, b: string) =>
      `Ajout d'une phase d'archivage intermédiaire (${b}) à la conservation ${of}.`,
    archiveRemoved: (of: string) =>
      `La conservation ${of} ne comporte plus de phase d'archivage intermédiaire.`,
    trigger: (of: string, a: string, b: string) =>
      `La conservation ${of} change : désormais ${b} (auparavant : ${a}).`,
    conditions: (of: string, b: string) => `Les conditions de conservation ${of} changent : désormais ${b}.`,
    end: (of: string, a: string, b: string) => `Fin de conservation ${of} : ${b} au lieu de ${a}.`,
    holdAdded: (of: string, what: string) => `La conservation ${of} peut désormais être prolongée : ${what}.`,
    holdRemoved: (of: string, what: string) =>
      `La conservation ${of} n'est plus prolongée au titre suivant : ${what}.`,
    ruleAdded: (x: string, label: string, d: string) =>
      `Nouvelle règle de conservation pour le traitement ${x} : ${label}, ${d}.`,
    ruleRemoved: (x: string, label: string) =>
      `La règle de conservation ${label} du traitement ${x} est retirée.`,
  },
  en: {
    period: (of: string, a: string, b: string) => `The retention period ${of} changes from ${a} to ${b}.`,
    longer: (of: string, a: string, b: string) =>
      `The retention period ${of} gets longer: now ${b} (previously: ${a}).`,
    shorter: (of: string, a: string, b: string) =>
      `The retention period ${of} gets shorter: now ${b} (previously: ${a}).`,
    archive: (of: string, a: string, b: string) =>
      `The intermediate archive period ${of} changes from ${a} to ${b}.`,
    archiveAdded: (of: string, b: string) =>
      `Retention ${of} now includes an intermediate archive phase: ${b}.`,
    archiveRemoved: (of: string) => `Retention ${of} no longer includes an intermediate archive phase.`,
    trigger: (of: string, a: string, b: string) => `Retention ${of} changes: now ${b} (previously: ${a}).`,
    conditions: (of: string, b: string) => `The retention conditions ${of} change: now ${b}.`,
    end: (of: string, a: string, b: string) => `End of retention ${of}: ${b} instead of ${a}.`,
    holdAdded: (of: string, what: string) => `Retention ${of} may now be extended: ${what}.`,
    holdRemoved: (of: string, what: string) =>
      `Retention ${of} is no longer extended on this ground: ${what}.`,
    ruleAdded: (x: string, label: string, d: string) => `New retention rule for ${x}: ${label}, ${d}.`,
    ruleRemoved: (x: string, label: string) => `The retention rule ${label} of ${x} is withdrawn.`,
  },
} as const;

const amount = (iso: string, maximum: boolean | undefined, lang: Language): string =>
  `${maximum === true ? (lang === 'fr' ? 'au plus ' : 'at most ') : ''}${describeDuration(iso, lang)}`;

/** "6 mois" → "12 mois au plus" when both are maxima; otherwise each with its own "au plus". */
function periodWords(a: TRetentionRule, b: TRetentionRule, lang: Language): [string, string] {
  if (a.maximum === true && b.maximum === true) {
    const atMost = lang === 'fr' ? 'au plus' : 'at most';
    return [describeDuration(a.duration, lang), `${describeDuration(b.duration, lang)} ${atMost}`];
  }
  return [amount(a.duration, a.maximum, lang), amount(b.duration, b.maximum, lang)];
}

function holdText(
  hold: NonNullable<TRetentionRule['legalHolds']>[number],
  taxonomy: Taxonomy,
  lang: Language,
): string {
  const parts = [
    reasonPhrase(taxonomy, hold.reason, lang),
    hold.reference,
    hold.duration && describeDuration(hold.duration, lang),
  ];
  return parts.filter((p): p is string => p !== undefined && p !== '').join(', ');
}

function compareRule(ctx: DiffContext, target: string, a: TRetentionRule, b: TRetentionRule): PolicyChange[] {
  const out: PolicyChange[] = [];
  const [ta, tb] = [ctx.old.taxonomy, ctx.next.taxonomy];
  const of = (l: Language) => ofRule(textOf(b.label, l), l);
  const push = (
    kind: PolicyChangeKind,
    make: (l: Language) => string,
    values?: { before?: unknown; after?: unknown },
  ) => out.push(change(kind, target, both(make), values));
  const whole = { before: describeRetention(a, ta, 'en'), after: describeRetention(b, tb, 'en') };

  const archiveShape = (r: TRetentionRule) =>
    r.archive === undefined ? '' : `${r.archive.from}|${r.archive.trigger ?? ''}`;
  const bothArchived = a.archive !== undefined && b.archive !== undefined;
  if (a.trigger !== b.trigger || (bothArchived && archiveShape(a) !== archiveShape(b))) {
    push(
      'retention-trigger-changed',
      (l) => T[l].trigger(of(l), describeRetention(a, ta, l), describeRetention(b, tb, l)),
      whole,
    );
  } else {
    const cmp = compareDurations(b.duration, a.duration);
    if (cmp !== 0) {
      const zero = isZeroDuration(parseDuration(a.duration)) || isZeroDuration(parseDuration(b.duration));
      const kind = cmp > 0 ? 'retention-longer' : 'retention-shorter';
      const make = (l: Language) =>
        zero
          ? T[l][cmp > 0 ? 'longer' : 'shorter'](
              of(l),
              describeRetention(a, ta, l),
              describeRetention(b, tb, l),
            )
          : T[l].period(of(l), ...periodWords(a, b, l));
      push(kind, make, { before: a.duration, after: b.duration });
    }
    if (a.archive === undefined && b.archive !== undefined) {
      const archive = b.archive;
      push(
        'retention-longer',
        (l) => T[l].archiveAdded(of(l), amount(archive.duration, archive.maximum, l)),
        { after: archive.duration },
      );
    } else if (a.archive !== undefined && b.archive === undefined) {
      push('retention-shorter', (l) => T[l].archiveRemoved(of(l)), { before: a.archive.duration });
    } else if (a.archive !== undefined && b.archive !== undefined) {
      const [x, y] = [a.archive, b.archive];
      const archiveCmp = compareDurations(y.duration, x.duration);
      if (archiveCmp !== 0) {
        push(
          archiveCmp > 0 ? 'retention-longer' : 'retention-shorter',
          (l) => T[l].archive(of(l), amount(x.duration, x.maximum, l), amount(y.duration, y.maximum, l)),
          {
            before: x.duration,
            after: y.duration,
          },
        );
      }
    }
    const conditions = (r: TRetentionRule) =>
      JSON.stringify([
        r.maximum === true,
        [...(r.endsEarlierOn ?? [])].sort(),
        r.renewalRequest === true,
        r.longerWithConsent === true,
      ]);
    if (conditions(a) !== conditions(b))
      push('retention-conditions-changed', (l) => T[l].conditions(of(l), describeRetention(b, tb, l)), whole);
  }
  if (a.endAction !== b.endAction) {
    push('retention-end-action-changed', (l) => T[l].end(of(l), END[a.endAction][l], END[b.endAction][l]), {
      before: a.endAction,
      after: b.endAction,
    });
  }
  const holds = listDiff(
    a.legalHolds ?? [],
    b.legalHolds ?? [],
    (h) => `${h.reason}|${h.reference ?? ''}|${h.duration ?? ''}`,
  );
  for (const h of holds.added)
    push('legal-hold-added', (l) => T[l].holdAdded(of(l), holdText(h, tb, l)), { after: h.reason });
  for (const h of holds.removed)
    push('legal-hold-removed', (l) => T[l].holdRemoved(of(l), holdText(h, ta, l)), { before: h.reason });
  return out;
}

/** Retention changes between two versions of one activity: rules changed, added, then removed. */
export function diffRetention(ctx: DiffContext, a: TActivity, b: TActivity): PolicyChange[] {
  const out: PolicyChange[] = [];
  const target = (rule: TRetentionRule) => `activity:${b.id}/retention:${rule.id}`;
  const x = (act: TActivity, l: Language) => q(textOf(act.name, l), l);
  const oldById = new Map(a.retention.map((r) => [r.id, r]));
  for (const rule of b.retention) {
    const before = oldById.get(rule.id);
    if (before !== undefined) out.push(...compareRule(ctx, target(rule), before, rule));
  }
  const { added, removed } = listDiff(a.retention, b.retention, (r) => r.id);
  for (const rule of added) {
    const message = both((l) =>
      T[l].ruleAdded(x(b, l), textOf(rule.label, l), describeRetention(rule, ctx.next.taxonomy, l)),
    );
    out.push(change('retention-rule-added', target(rule), message, { after: rule.duration }));
  }
  for (const rule of removed) {
    out.push(
      change(
        'retention-rule-removed',
        target(rule),
        both((l) => T[l].ruleRemoved(x(a, l), q(textOf(rule.label, l), l))),
        { before: rule.duration },
      ),
    );
  }
  return out;
}
