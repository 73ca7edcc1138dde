/** Changes to processing activities (matched by id): purposes, bases, people, data, sources, recipients, processors, decisions. */
import type { TActivity } from '../model.ts';
import { labelOf, textOf } from '../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../taxonomy/types.ts';
import { both, change, type DiffContext, inSentence, listDiff, q } from './change.ts';
import { diffRetention } from './diff-retention.ts';
import { diffActivityRights } from './diff-rights.ts';
import type { PolicyChange } from './types.ts';

const T = {
  fr: {
    added: (x: string, purposes: string) => `Nouveau traitement : ${x} (finalités : ${purposes}).`,
    removed: (x: string) => `Le traitement ${x} n'est plus mis en œuvre.`,
    renamed: (a: string, b: string) => `Le traitement ${a} s'appelle désormais ${b}.`,
    role: (x: string, role: TActivity['role']) =>
      `Pour le traitement ${x}, nous agissons désormais en qualité de ${role === 'controller' ? 'responsable du traitement' : 'sous-traitant'}.`,
    purposeAdded: (x: string, what: string) => `Nouvelle finalité pour le traitement ${x} : ${what}.`,
    purposeRemoved: (x: string, what: string) =>
      `La finalité ${what} ne fait plus partie du traitement ${x}.`,
    basis: (x: string, a: string, b: string) =>
      `La base légale du traitement ${x} change : ${b} (auparavant : ${a}).`,
    subjectAdded: (x: string, what: string) => `Le traitement ${x} concerne désormais aussi : ${what}.`,
    subjectRemoved: (x: string, what: string) => `Le traitement ${x} ne concerne plus : ${what}.`,
    dataAdded: (x: string, what: string) => `Nouvelle catégorie de données traitée pour ${x} : ${what}.`,
    dataRemoved: (x: string, what: string) => `Nous ne traitons plus la catégorie ${what} pour ${x}.`,
    requirement: (x: string, what: string, m: boolean | undefined) =>
      `Pour ${x}, la fourniture de la donnée ${what} devient ${m === undefined ? 'non précisée' : m ? 'obligatoire' : 'facultative'}.`,
    sourceAdded: (x: string, what: string) => `Nouvelle origine des données pour ${x} : ${what}.`,
    sourceRemoved: (x: string, what: string) => `Les données de ${x} ne proviennent plus de : ${what}.`,
    recipientAdded: (x: string, what: string) => `Nouveau destinataire des données de ${x} : ${what}.`,
    recipientRemoved: (x: string, what: string) =>
      `${what} ne fait plus partie des destinataires des données de ${x}.`,
    assigned: (x: string, who: string) => `Le sous-traitant ${who} intervient désormais aussi pour ${x}.`,
    unassigned: (x: string, who: string) => `Le sous-traitant ${who} n'intervient plus pour ${x}.`,
    admAdded: (x: string) =>
      `Le traitement ${x} comporte désormais une décision entièrement automatisée produisant des effets juridiques ou similaires à votre égard.`,
    admRemoved: (x: string) => `Le traitement ${x} ne comporte plus de décision entièrement automatisée.`,
    profilingAdded: (x: string) => `Le traitement ${x} comporte désormais un profilage.`,
    profilingRemoved: (x: string) => `Le traitement ${x} ne comporte plus de profilage.`,
  },
  en: {
    added: (x: string, purposes: string) => `New processing: ${x} (purposes: ${purposes}).`,
    removed: (x: string) => `The processing ${x} is no longer carried out.`,
    renamed: (a: string, b: string) => `The processing ${a} is now called ${b}.`,
    role: (x: string, role: TActivity['role']) =>
      `For the processing ${x}, we now act as ${role === 'controller' ? 'controller' : 'processor'}.`,
    purposeAdded: (x: string, what: string) => `New purpose for ${x}: ${what}.`,
    purposeRemoved: (x: string, what: string) => `${what} is no longer a purpose of ${x}.`,
    basis: (x: string, a: string, b: string) => `The legal basis of ${x} changes: ${b} (previously: ${a}).`,
    subjectAdded: (x: string, what: string) => `${x} now also concerns: ${what}.`,
    subjectRemoved: (x: string, what: string) => `${x} no longer concerns: ${what}.`,
    dataAdded: (x: string, what: string) => `New category of data processed for ${x}: ${what}.`,
    dataRemoved: (x: string, what: string) => `We no longer process ${what} for ${x}.`,
    requirement: (x: string, what: string, m: boolean | undefined) =>
      `For ${x}, providing ${what} becomes ${m === undefined ? 'unstated' : m ? 'mandatory' : 'optional'}.`,
    sourceAdded: (x: string, what: string) => `New source of data for ${x}: ${what}.`,
    sourceRemoved: (x: string, what: string) => `Data for ${x} no longer comes from: ${what}.`,
    recipientAdded: (x: string, what: string) => `New recipient of the data of ${x}: ${what}.`,
    recipientRemoved: (x: string, what: string) => `${what} is no longer a recipient of the data of ${x}.`,
    assigned: (x: string, who: string) => `The processor ${who} now also works on ${x}.`,
    unassigned: (x: string, who: string) => `The processor ${who} no longer works on ${x}.`,
    admAdded: (x: string) =>
      `${x} now includes a decision based solely on automated processing with legal or similarly significant effects on you.`,
    admRemoved: (x: string) => `${x} no longer includes a decision based solely on automated processing.`,
    profilingAdded: (x: string) => `${x} now includes profiling.`,
    profilingRemoved: (x: string) => `${x} no longer includes profiling.`,
  },
} as const;

type Phrases = (typeof T)[Language];

/** The quoted name of an activity. */
export const activityName = (a: TActivity, lang: Language): string => q(textOf(a.name, lang), lang);

function bases(activity: TActivity, taxonomy: Taxonomy, lang: Language): string {
  const ids = (activity.legalBases ?? []).flatMap((b) => [
    b.basis,
    ...(b.art9 === undefined ? [] : [b.art9]),
  ]);
  return [...new Set(ids)].map((id) => inSentence(labelOf(taxonomy, 'legalBases', id, lang))).join(', ');
}

function compareActivity(ctx: DiffContext, a: TActivity, b: TActivity): PolicyChange[] {
  const out: PolicyChange[] = [];
  const tx = ctx.next.taxonomy;
  const target = `activity:${b.id}`;
  const x = (l: Language) => activityName(b, l);
  const push = (
    kind: Parameters<typeof change>[0],
    sub: string,
    make: (t: Phrases, l: Language) => string,
    values?: { before?: unknown; after?: unknown },
  ) =>
    out.push(
      change(
        kind,
        sub === '' ? target : `${target}/${sub}`,
        both((l) => make(T[l], l)),
        values,
      ),
    );

  if (textOf(a.name, 'fr') !== textOf(b.name, 'fr') || textOf(a.name, 'en') !== textOf(b.name, 'en')) {
    push('activity-renamed', '', (t, l) => t.renamed(activityName(a, l), x(l)));
  }
  if (a.role !== b.role)
    push('activity-role-changed', '', (t, l) => t.role(x(l), b.role), { before: a.role, after: b.role });
  const purposes = listDiff(a.purposes, b.purposes);
  for (const id of purposes.added)
    push('purpose-added', `purpose:${id}`, (t, l) =>
      t.purposeAdded(x(l), inSentence(labelOf(tx, 'purposes', id, l))),
    );
  const details = listDiff(
    a.purposeDetails ?? [],
    b.purposeDetails ?? [],
    (d) => `${d.fr ?? ''}|${d.en ?? ''}`,
  );
  for (const d of details.added)
    push('purpose-added', 'purpose-detail', (t, l) => t.purposeAdded(x(l), inSentence(textOf(d, l))));
  for (const id of purposes.removed)
    push('purpose-removed', `purpose:${id}`, (t, l) =>
      t.purposeRemoved(x(l), q(labelOf(ctx.old.taxonomy, 'purposes', id, l), l)),
    );
  for (const d of details.removed)
    push('purpose-removed', 'purpose-detail', (t, l) => t.purposeRemoved(x(l), q(textOf(d, l), l)));
  if (bases(a, tx, 'en') !== bases(b, tx, 'en')) {
    push(
      'legal-basis-changed',
      'legal-basis',
      (t, l) => t.basis(x(l), bases(a, ctx.old.taxonomy, l), bases(b, tx, l)),
      {
        before: (a.legalBases ?? []).map((u) => u.basis),
        after: (b.legalBases ?? []).map((u) => u.basis),
      },
    );
  }
  const subjects = listDiff(a.subjects, b.subjects);
  for (const id of subjects.added)
    push('subject-category-added', `subject:${id}`, (t, l) =>
      t.subjectAdded(x(l), inSentence(labelOf(tx, 'subjectCategories', id, l))),
    );
  for (const id of subjects.removed)
    push('subject-category-removed', `subject:${id}`, (t, l) =>
      t.subjectRemoved(x(l), inSentence(labelOf(ctx.old.taxonomy, 'subjectCategories', id, l))),
    );
  const data = listDiff(a.data, b.data, (d) => d.category);
  for (const d of data.added)
    push('data-category-added', `data:${d.category}`, (t, l) =>
      t.dataAdded(x(l), inSentence(labelOf(tx, 'dataCategories', d.category, l))),
    );
  for (const d of data.removed)
    push('data-category-removed', `data:${d.category}`, (t, l) =>
      t.dataRemoved(x(l), q(labelOf(ctx.old.taxonomy, 'dataCategories', d.category, l), l)),
    );
  for (const item of b.data) {
    const before = a.data.find((d) => d.category === item.category);
    if (before !== undefined && before.mandatory !== item.mandatory) {
      push(
        'data-requirement-changed',
        `data:${item.category}`,
        (t, l) => t.requirement(x(l), q(labelOf(tx, 'dataCategories', item.category, l), l), item.mandatory),
        {
          before: before.mandatory ?? null,
          after: item.mandatory ?? null,
        },
      );
    }
  }
  const sources = listDiff(a.sources, b.sources);
  for (const id of sources.added)
    push('source-added', `source:${id}`, (t, l) =>
      t.sourceAdded(x(l), inSentence(labelOf(tx, 'sources', id, l))),
    );
  for (const id of sources.removed)
    push('source-removed', `source:${id}`, (t, l) =>
      t.sourceRemoved(x(l), inSentence(labelOf(ctx.old.taxonomy, 'sources', id, l))),
    );
  const recipientsOf = (act: TActivity) => [
    ...(act.recipients?.internal ?? []),
    ...(act.recipients?.external ?? []),
  ];
  const recipients = listDiff(recipientsOf(a), recipientsOf(b));
  for (const id of recipients.added)
    push('recipient-added', `recipient:${id}`, (t, l) =>
      t.recipientAdded(x(l), inSentence(labelOf(tx, 'recipients', id, l))),
    );
  for (const id of recipients.removed)
    push('recipient-removed', `recipient:${id}`, (t, l) =>
      t.recipientRemoved(x(l), q(labelOf(ctx.old.taxonomy, 'recipients', id, l), l)),
    );
  const processors = listDiff(a.processors, b.processors);
  const oldProcessor = (id: string) => ctx.old.policy.processors.find((p) => p.id === id);
  const nextProcessor = (id: string) => ctx.next.policy.processors.find((p) => p.id === id);
  for (const id of processors.added) {
    const p = nextProcessor(id);
    if (p !== undefined && oldProcessor(id) !== undefined)
      push('processor-assigned', `processor:${id}`, (t, l) => t.assigned(x(l), p.name));
  }
  for (const id of processors.removed) {
    const p = oldProcessor(id);
    if (p !== undefined && nextProcessor(id) !== undefined)
      push('processor-unassigned', `processor:${id}`, (t, l) => t.unassigned(x(l), p.name));
  }
  const adm = (act: TActivity) => act.automatedDecisions?.automatedDecisionMaking === true;
  const profiling = (act: TActivity) => act.automatedDecisions?.profiling === true;
  if (!adm(a) && adm(b)) push('automated-decision-added', 'automated-decisions', (t, l) => t.admAdded(x(l)));
  if (adm(a) && !adm(b))
    push('automated-decision-removed', 'automated-decisions', (t, l) => t.admRemoved(x(l)));
  if (!profiling(a) && profiling(b)) push('profiling-added', 'profiling', (t, l) => t.profilingAdded(x(l)));
  if (profiling(a) && !profiling(b))
    push('profiling-removed', 'profiling', (t, l) => t.profilingRemoved(x(l)));
  out.push(...diffRetention(ctx, a, b), ...diffActivityRights(ctx, a, b));
  return out;
}

/** Activities added (in the new order), changed, then removed (in the old order). */
export function diffActivities(ctx: DiffContext): PolicyChange[] {
  const out: PolicyChange[] = [];
  const oldById = new Map(ctx.old.policy.activities.map((a) => [a.id, a]));
  for (const b of ctx.next.policy.activities) {
    const a = oldById.get(b.id);
    if (a === undefined) {
      const purposes = (l: Language) =>
        b.purposes.map((id) => inSentence(labelOf(ctx.next.taxonomy, 'purposes', id, l))).join(', ');
      out.push(
        change(
          'activity-added',
          `activity:${b.id}`,
          both((l) => T[l].added(activityName(b, l), purposes(l))),
        ),
      );
    } else {
      out.push(...compareActivity(ctx, a, b));
    }
  }
  const nextIds = new Set(ctx.next.policy.activities.map((a) => a.id));
  for (const a of ctx.old.policy.activities) {
    if (!nextIds.has(a.id))
      out.push(
        change(
          'activity-removed',
          `activity:${a.id}`,
          both((l) => T[l].removed(activityName(a, l))),
        ),
      );
  }
  return out;
}
