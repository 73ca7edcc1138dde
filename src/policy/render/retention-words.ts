/**
 * Retention rules in words, for the privacy notice, the register and the policy diff.
 *
 * "3 ans à compter du dernier contact émanant de vous, puis suppression";
 * "for the whole term of the contract, then 3 years, then in intermediate archive until
 * 5 years after the end of the contract (limitation period), then deleted".
 */
import type { TRetentionRule } from '../model.ts';
import { type Duration, isZeroDuration, parseDuration } from '../retention/duration.ts';
import type { Language, Taxonomy } from '../taxonomy/types.ts';
import { eventPhrases, reasonPhrase } from './notice/event-phrases.ts';

type UnitWords = readonly [singular: string, plural: string];

const UNITS: Readonly<Record<Language, Readonly<Record<keyof Duration, UnitWords>>>> = {
  fr: {
    years: ['an', 'ans'],
    months: ['mois', 'mois'],
    weeks: ['semaine', 'semaines'],
    days: ['jour', 'jours'],
    hours: ['heure', 'heures'],
  },
  en: {
    years: ['year', 'years'],
    months: ['month', 'months'],
    weeks: ['week', 'weeks'],
    days: ['day', 'days'],
    hours: ['hour', 'hours'],
  },
};

const UNIT_ORDER: readonly (keyof Duration)[] = ['years', 'months', 'weeks', 'days', 'hours'];

/** Join words as a list: "a, b et c" / "a, b and c". */
export function joinWords(items: readonly string[], lang: Language, conjunction?: string): string {
  const and = conjunction ?? (lang === 'fr' ? 'et' : 'and');
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/**
 * An ISO 8601 duration in words, as written ("P12M" stays "12 mois", it is not normalised):
 * "3 ans", "13 mois", "4 semaines", "1 mois", "72 heures", "1 an et 6 mois"; in English
 * "3 years", "1 month", "1 year and 6 months". "P0D" reads "0 jour" / "0 days": a rule whose
 * duration is P0D lasts until its trigger event, which the caller words (see {@link describeRetention}).
 *
 * @throws RegistreError `REG_ERR_RETENTION_DURATION` when `iso` is not a duration the model accepts.
 */
export function describeDuration(iso: string, lang: Language): string {
  const duration = parseDuration(iso);
  const parts: string[] = [];
  for (const unit of UNIT_ORDER) {
    const count = duration[unit];
    if (count === 0) continue;
    const [one, many] = UNITS[lang][unit];
    parts.push(`${count} ${count === 1 ? one : many}`);
  }
  if (parts.length === 0) return lang === 'fr' ? '0 jour' : '0 days';
  return joinWords(parts, lang);
}

const END_ACTIONS: Readonly<Record<TRetentionRule['endAction'], Readonly<Record<Language, string>>>> = {
  delete: { fr: 'suppression', en: 'deleted' },
  anonymise: { fr: 'anonymisation', en: 'anonymised' },
  'return-and-delete': {
    fr: 'restitution au client, puis suppression',
    en: 'returned to the customer and deleted',
  },
};

const W = {
  fr: {
    atMost: 'au plus ',
    next: ', puis ',
    earlier: (events: string) => ` ou ${events}, si cela intervient plus tôt`,
    or: 'ou',
    longerWithConsent: ' (ou plus longtemps avec votre accord exprès)',
    renewal:
      ' (au terme de ce délai, nous pourrons vous recontacter une fois pour savoir si vous souhaitez que nous les conservions)',
    archiveFromEvent: (d: string, from: string) => `${d} en archivage intermédiaire ${from}`,
    archiveUntilAfter: (d: string, after: string, max: boolean) =>
      `archivage intermédiaire ${max ? 'au plus ' : ''}jusqu'à ${d} ${after}`,
    archive: (d: string) => `${d} en archivage intermédiaire`,
    hold: (holds: string) => ` ; conservation prolongée pour : ${holds}`,
  },
  en: {
    atMost: 'at most ',
    next: ', then ',
    earlier: (events: string) => ` or ${events}, whichever comes first`,
    or: 'or',
    longerWithConsent: ' (or longer with your express consent)',
    renewal: ' (at the end of this period we may contact you once to ask whether you want us to keep them)',
    archiveFromEvent: (d: string, from: string) => `${d} in intermediate archive ${from}`,
    archiveUntilAfter: (d: string, after: string, max: boolean) =>
      `in intermediate archive until ${max ? 'no later than ' : ''}${d} ${after}`,
    archive: (d: string) => `${d} in intermediate archive`,
    hold: (holds: string) => `; kept longer for: ${holds}`,
  },
} as const;

/** The active phase: "3 ans à compter de…", "jusqu'au retrait de…", "pendant toute la durée du contrat, puis 3 ans". */
function activePhase(rule: TRetentionRule, taxonomy: Taxonomy, lang: Language): string {
  const words = W[lang];
  const event = eventPhrases(taxonomy, rule.trigger, lang);
  const untilEvent = isZeroDuration(parseDuration(rule.duration));
  const amount = `${rule.maximum === true ? words.atMost : ''}${describeDuration(rule.duration, lang)}`;
  if (untilEvent) return event.during ?? event.until;
  return event.during === undefined ? `${amount} ${event.from}` : `${event.during}${words.next}${amount}`;
}

function archivePhase(
  archive: NonNullable<TRetentionRule['archive']>,
  rule: TRetentionRule,
  taxonomy: Taxonomy,
  lang: Language,
): string {
  const words = W[lang];
  const max = archive.maximum === true;
  const amount = `${max ? words.atMost : ''}${describeDuration(archive.duration, lang)}`;
  const reason = ` (${reasonPhrase(taxonomy, archive.reason, lang)})`;
  if (archive.trigger !== undefined) {
    return words.archiveFromEvent(amount, eventPhrases(taxonomy, archive.trigger, lang).from) + reason;
  }
  if (archive.from === 'trigger') {
    const after = eventPhrases(taxonomy, rule.trigger, lang).after;
    return words.archiveUntilAfter(describeDuration(archive.duration, lang), after, max) + reason;
  }
  return words.archive(amount) + reason;
}

/**
 * A retention rule in words: the active phase from its trigger (or until it, for `P0D`), the
 * events that end it earlier, the intermediate archive, the end action and the legal holds.
 *
 * Examples (fr): "3 ans à compter du dernier contact émanant de vous, puis suppression";
 * "jusqu'au retrait de votre consentement, puis suppression"; "pendant toute la durée du
 * contrat, puis 3 ans, puis archivage intermédiaire jusqu'à 5 ans après la fin du contrat
 * (délai de prescription), puis suppression"; "jusqu'à la réalisation de la transaction, puis
 * 13 mois en archivage intermédiaire à compter de la date de débit (preuve du paiement), puis
 * suppression"; "au plus 6 mois à compter de leur enregistrement, puis suppression".
 *
 * The text starts in lower case so it fits after a label ("Durée : …") or in a table cell.
 *
 * @throws RegistreError `REG_ERR_RETENTION_DURATION` when a duration of the rule is malformed.
 */
export function describeRetention(rule: TRetentionRule, taxonomy: Taxonomy, lang: Language): string {
  const words = W[lang];
  let active = activePhase(rule, taxonomy, lang);
  if (rule.endsEarlierOn !== undefined && rule.endsEarlierOn.length > 0) {
    const events = rule.endsEarlierOn.map((id) => eventPhrases(taxonomy, id, lang).until);
    active += words.earlier(joinWords(events, lang, words.or));
  }
  if (rule.longerWithConsent === true) active += words.longerWithConsent;
  if (rule.renewalRequest === true) active += words.renewal;

  const phases = [active];
  if (rule.archive !== undefined) phases.push(archivePhase(rule.archive, rule, taxonomy, lang));
  phases.push(END_ACTIONS[rule.endAction][lang]);

  const text = phases.join(words.next);
  const holds = (rule.legalHolds ?? []).map((hold) => {
    const details = [hold.reference];
    if (hold.duration !== undefined) {
      details.push(
        `${describeDuration(hold.duration, lang)} ${eventPhrases(taxonomy, rule.trigger, lang).from}`,
      );
    }
    const known = details.filter((part): part is string => part !== undefined);
    const reason = reasonPhrase(taxonomy, hold.reason, lang);
    return known.length === 0 ? reason : `${reason} (${known.join(', ')})`;
  });
  return holds.length === 0 ? text : text + words.hold(joinWords(holds, lang));
}
