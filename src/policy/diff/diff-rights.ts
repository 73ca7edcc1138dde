/** Changes to rights: availability and limits (policy-wide and per activity), channels, conditions, time limits, fees. */
import type { TActivity, TPolicy, TRightStatement } from '../model.ts';
import { phraseOf } from '../render/notice/phrases.ts';
import { describeDuration } from '../render/retention-words.ts';
import { compareDurations } from '../retention/duration.ts';
import { labelOf, textOf } from '../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../taxonomy/types.ts';
import { both, change, type DiffContext, listDiff, q, sameData } from './change.ts';
import type { PolicyChange, PolicyChangeKind } from './types.ts';

type Channel = TPolicy['rights']['channels'][number];

const T = {
  fr: {
    forActivity: (x: string) => ` (traitement ${x})`,
    added: (right: string, scope: string) => `Droit désormais mentionné${scope} : ${right}.`,
    removed: (right: string, scope: string) => `La politique ne mentionne plus${scope} : ${right}.`,
    refused: (right: string, scope: string, why: string) =>
      `${right}${scope} : désormais non disponible (motif : ${why}).`,
    limited: (right: string, scope: string, why: string) => `${right}${scope} : désormais limité (${why}).`,
    restored: (right: string, scope: string) => `${right}${scope} : désormais disponible.`,
    lessLimited: (right: string, scope: string, what: string) =>
      `${right}${scope} : cette limite ne s'applique plus : ${what}.`,
    conditionsAdded: (right: string, scope: string, what: string) =>
      `${right}${scope} : nouvelle condition pour l'exercer : ${what}.`,
    conditionsRemoved: (right: string, scope: string, what: string) =>
      `${right}${scope} : condition supprimée : ${what}.`,
    channel: {
      email: 'par e-mail',
      postal: 'par courrier',
      'web-form': 'par formulaire en ligne',
      phone: 'par téléphone',
      'privacy-center': "depuis l'espace confidentialité",
    },
    channelAdded: (what: string) => `Nouveau moyen d'exercer vos droits : ${what}.`,
    channelRemoved: (what: string) => `Ce moyen d'exercer vos droits n'est plus disponible : ${what}.`,
    conditionAdded: (what: string) => `Nouvelle condition pour exercer vos droits : ${what}.`,
    conditionRemoved: (what: string) => `Cette condition pour exercer vos droits est supprimée : ${what}.`,
    responseTime: (a: string, b: string) => `Le délai de réponse à vos demandes passe de ${a} à ${b}.`,
    copiesCharged:
      'Des frais raisonnables peuvent désormais être demandés pour toute copie supplémentaire de vos données.',
    copiesFree: 'Les copies supplémentaires de vos données ne sont plus facturées.',
    excessiveCharged:
      'Des frais raisonnables peuvent désormais être demandés pour une demande manifestement infondée ou excessive.',
    excessiveFree: 'Nous ne demandons plus de frais pour une demande manifestement infondée ou excessive.',
    postMortemOn:
      'Vous pouvez désormais nous transmettre des directives sur le sort de vos données après votre décès.',
    postMortemOff: "Nous n'enregistrons plus de directives sur le sort de vos données après votre décès.",
    postMortemChanged: 'Les modalités de transmission de vos directives post mortem changent.',
    authority: (a: string, b: string) =>
      `Les réclamations sont désormais à adresser à l'autorité de contrôle suivante : ${b} (auparavant : ${a}).`,
  },
  en: {
    forActivity: (x: string) => ` (processing ${x})`,
    added: (right: string, scope: string) => `Right now stated${scope}: ${right}.`,
    removed: (right: string, scope: string) => `The notice no longer mentions${scope}: ${right}.`,
    refused: (right: string, scope: string, why: string) =>
      `${right}${scope}: now unavailable (reason: ${why}).`,
    limited: (right: string, scope: string, why: string) => `${right}${scope}: now limited (${why}).`,
    restored: (right: string, scope: string) => `${right}${scope}: now available.`,
    lessLimited: (right: string, scope: string, what: string) =>
      `${right}${scope}: this limit no longer applies: ${what}.`,
    conditionsAdded: (right: string, scope: string, what: string) =>
      `${right}${scope}: new condition to exercise it: ${what}.`,
    conditionsRemoved: (right: string, scope: string, what: string) =>
      `${right}${scope}: condition removed: ${what}.`,
    channel: {
      email: 'by e-mail',
      postal: 'by post',
      'web-form': 'through the online form',
      phone: 'by phone',
      'privacy-center': 'in the privacy centre',
    },
    channelAdded: (what: string) => `New way to exercise your rights: ${what}.`,
    channelRemoved: (what: string) => `This way to exercise your rights is no longer available: ${what}.`,
    conditionAdded: (what: string) => `New condition to exercise your rights: ${what}.`,
    conditionRemoved: (what: string) => `This condition to exercise your rights is removed: ${what}.`,
    responseTime: (a: string, b: string) =>
      `The time we take to answer your requests changes from ${a} to ${b}.`,
    copiesCharged: 'A reasonable fee may now be charged for any further copy of your data.',
    copiesFree: 'Further copies of your data are no longer charged.',
    excessiveCharged: 'A reasonable fee may now be charged for a manifestly unfounded or excessive request.',
    excessiveFree: 'We no longer charge for a manifestly unfounded or excessive request.',
    postMortemOn: 'You can now give us directions on what happens to your data after your death.',
    postMortemOff: 'We no longer record directions on what happens to your data after your death.',
    postMortemChanged: 'The way to send us directions on your data after your death changes.',
    authority: (a: string, b: string) =>
      `Complaints are now to be sent to this supervisory authority: ${b} (previously: ${a}).`,
  },
} as const;

const phrases = (
  taxonomy: Taxonomy,
  kind: 'limitReasons' | 'exerciseConditions',
  ids: readonly string[],
  lang: Language,
): string => ids.map((id) => phraseOf(taxonomy, kind, id, lang)).join(lang === 'fr' ? ' ; ' : '; ');

function compareStatements(
  ctx: DiffContext,
  target: string,
  old: Readonly<Record<string, TRightStatement>>,
  next: Readonly<Record<string, TRightStatement>>,
  scope: (lang: Language) => string,
): PolicyChange[] {
  const out: PolicyChange[] = [];
  const [ta, tb] = [ctx.old.taxonomy, ctx.next.taxonomy];
  const push = (kind: PolicyChangeKind, id: string, make: (l: Language) => string) =>
    out.push(change(kind, `${target}/right:${id}`, both(make)));
  const right = (taxonomy: Taxonomy, id: string, l: Language) => labelOf(taxonomy, 'rights', id, l);
  for (const [id, b] of Object.entries(next)) {
    const a = old[id];
    if (a === undefined) {
      push('right-added', id, (l) => T[l].added(right(tb, id, l), scope(l)));
      continue;
    }
    const reasons = listDiff(a.reasons ?? [], b.reasons ?? []);
    if (a.available && !b.available) {
      push('right-limited', id, (l) =>
        T[l].refused(right(tb, id, l), scope(l), phrases(tb, 'limitReasons', b.reasons ?? [], l)),
      );
    } else if (reasons.added.length > 0) {
      push('right-limited', id, (l) =>
        T[l].limited(right(tb, id, l), scope(l), phrases(tb, 'limitReasons', reasons.added, l)),
      );
    } else if (!a.available && b.available) {
      push('right-extended', id, (l) => T[l].restored(right(tb, id, l), scope(l)));
    } else if (reasons.removed.length > 0) {
      push('right-extended', id, (l) =>
        T[l].lessLimited(right(tb, id, l), scope(l), phrases(ta, 'limitReasons', reasons.removed, l)),
      );
    }
    const conditions = listDiff(a.conditions ?? [], b.conditions ?? []);
    if (conditions.added.length > 0) {
      push('right-conditions-added', id, (l) =>
        T[l].conditionsAdded(
          right(tb, id, l),
          scope(l),
          phrases(tb, 'exerciseConditions', conditions.added, l),
        ),
      );
    }
    if (conditions.removed.length > 0) {
      push('right-conditions-removed', id, (l) =>
        T[l].conditionsRemoved(
          right(tb, id, l),
          scope(l),
          phrases(ta, 'exerciseConditions', conditions.removed, l),
        ),
      );
    }
  }
  for (const id of Object.keys(old)) {
    if (next[id] === undefined) push('right-removed', id, (l) => T[l].removed(right(ta, id, l), scope(l)));
  }
  return out;
}

/** Rights that an activity states differently from the policy-wide statement. */
export function diffActivityRights(ctx: DiffContext, a: TActivity, b: TActivity): PolicyChange[] {
  const scope = (l: Language) => T[l].forActivity(q(textOf(b.name, l), l));
  return compareStatements(ctx, `activity:${b.id}`, a.rights ?? {}, b.rights ?? {}, scope);
}

const channelKey = (c: Channel): string => JSON.stringify([c.kind, c.value ?? '', c.address ?? null]);

function channelText(c: Channel, lang: Language): string {
  const where =
    c.value ??
    (c.address === undefined
      ? undefined
      : [c.address.street, `${c.address.postalCode} ${c.address.city}`].join(', '));
  return where === undefined ? T[lang].channel[c.kind] : `${T[lang].channel[c.kind]} (${where})`;
}

const COPIES_RANK = { free: 0, 'reasonable-fee': 1 } as const;
const EXCESSIVE_RANK = { refuse: 0, 'reasonable-fee': 1, 'refuse-or-fee': 1 } as const;

/** Policy-wide rights changes, in a fixed order. */
export function diffRightsSection(ctx: DiffContext): PolicyChange[] {
  const a = ctx.old.policy.rights;
  const b = ctx.next.policy.rights;
  const [ta, tb] = [ctx.old.taxonomy, ctx.next.taxonomy];
  const out = compareStatements(ctx, 'rights', a.statements, b.statements, () => '');
  const push = (
    kind: PolicyChangeKind,
    target: string,
    make: (l: Language) => string,
    values?: { before?: unknown; after?: unknown },
  ) => out.push(change(kind, target, both(make), values));
  const channels = listDiff(a.channels, b.channels, channelKey);
  for (const c of channels.added)
    push('rights-channel-added', `rights/channel:${c.kind}`, (l) => T[l].channelAdded(channelText(c, l)));
  for (const c of channels.removed)
    push('rights-channel-removed', `rights/channel:${c.kind}`, (l) => T[l].channelRemoved(channelText(c, l)));
  const conditions = listDiff(a.conditions ?? [], b.conditions ?? []);
  for (const id of conditions.added)
    push('rights-conditions-added', `rights/condition:${id}`, (l) =>
      T[l].conditionAdded(phraseOf(tb, 'exerciseConditions', id, l)),
    );
  for (const id of conditions.removed)
    push('rights-conditions-removed', `rights/condition:${id}`, (l) =>
      T[l].conditionRemoved(phraseOf(ta, 'exerciseConditions', id, l)),
    );
  const [ra, rb] = [a.responseTime ?? 'P1M', b.responseTime ?? 'P1M'];
  const cmp = compareDurations(rb, ra);
  if (cmp !== 0) {
    push(
      cmp > 0 ? 'response-time-longer' : 'response-time-shorter',
      'rights/response-time',
      (l) => T[l].responseTime(describeDuration(ra, l), describeDuration(rb, l)),
      {
        before: ra,
        after: rb,
      },
    );
  }
  const copies =
    COPIES_RANK[b.fees?.additionalCopies ?? 'free'] - COPIES_RANK[a.fees?.additionalCopies ?? 'free'];
  if (copies > 0) push('fees-increased', 'rights/fees', (l) => T[l].copiesCharged);
  if (copies < 0) push('fees-reduced', 'rights/fees', (l) => T[l].copiesFree);
  const excessive =
    EXCESSIVE_RANK[b.fees?.manifestlyUnfoundedOrExcessive ?? 'refuse'] -
    EXCESSIVE_RANK[a.fees?.manifestlyUnfoundedOrExcessive ?? 'refuse'];
  if (excessive > 0) push('fees-increased', 'rights/fees', (l) => T[l].excessiveCharged);
  if (excessive < 0) push('fees-reduced', 'rights/fees', (l) => T[l].excessiveFree);
  if (!sameData(a.postMortem, b.postMortem)) {
    const [on, wasOn] = [b.postMortem?.available === true, a.postMortem?.available === true];
    const key = on && !wasOn ? 'postMortemOn' : !on && wasOn ? 'postMortemOff' : 'postMortemChanged';
    push('post-mortem-changed', 'rights/post-mortem', (l) => T[l][key]);
  }
  if (a.complaint.authority !== b.complaint.authority) {
    const name = (taxonomy: Taxonomy, id: string, l: Language) => labelOf(taxonomy, 'authorities', id, l);
    push(
      'complaint-authority-changed',
      'rights/complaint',
      (l) => T[l].authority(name(ta, a.complaint.authority, l), name(tb, b.complaint.authority, l)),
      {
        before: a.complaint.authority,
        after: b.complaint.authority,
      },
    );
  }
  return out;
}
