/** Your rights: each right with its article and availability, how to exercise them, post-mortem directives, complaints. */
import type { TPolicy, TRightStatement } from '../../model.ts';
import { labelOf, textOf } from '../../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../../taxonomy/types.ts';
import {
  type Block,
  emailLink,
  type Field,
  fields,
  type Inlines,
  link,
  list,
  paragraph,
  phoneLink,
  type Section,
  urlLink,
} from './document.ts';
import { phraseOf } from './phrases.ts';
import { RIGHTS_ORDER, RIGHTS_TEXT } from './rights-text.ts';
import { addressText, articleRef, capitalise, timeLimit } from './words.ts';

/** Right ids in the order a reader expects (access first), unknown ids after in their own order. */
export function orderedRights(ids: readonly string[]): string[] {
  const known = RIGHTS_ORDER.filter((id) => ids.includes(id));
  return [...known, ...ids.filter((id) => !RIGHTS_ORDER.includes(id))];
}

/** "Oui", "Oui, avec des limites" or "Non". */
export function availability(statement: TRightStatement, lang: Language): string {
  const t = RIGHTS_TEXT[lang];
  if (!statement.available) return t.no;
  return (statement.reasons?.length ?? 0) > 0 ? t.limited : t.yes;
}

/** What a right lets you do, then its limits or the reason it is refused, its conditions and note. */
export function rightDetails(
  id: string,
  statement: TRightStatement,
  taxonomy: Taxonomy,
  lang: Language,
): string {
  const t = RIGHTS_TEXT[lang];
  const parts = [`${capitalise(phraseOf(taxonomy, 'rights', id, lang))}.`];
  const reasons = (statement.reasons ?? []).map((reason) => {
    const article = taxonomy.limitReasons.get(reason)?.article;
    const phrase = phraseOf(taxonomy, 'limitReasons', reason, lang);
    return article === undefined ? phrase : `${phrase} (${articleRef(article, lang)})`;
  });
  if (reasons.length > 0) parts.push(`${statement.available ? t.limits : t.reason}${reasons.join(' ; ')}.`);
  const conditions = (statement.conditions ?? []).map((c) =>
    phraseOf(taxonomy, 'exerciseConditions', c, lang),
  );
  if (conditions.length > 0) parts.push(`${t.conditions}${conditions.join(' ; ')}.`);
  const note = textOf(statement.note, lang);
  if (note !== '') parts.push(note);
  return lang === 'en' ? parts.join(' ').replaceAll(' ; ', '; ') : parts.join(' ');
}

/** The rights table rows for a set of statements. */
export function rightsRows(
  statements: Readonly<Record<string, TRightStatement>>,
  taxonomy: Taxonomy,
  lang: Language,
): Inlines[][] {
  return orderedRights(Object.keys(statements)).flatMap((id) => {
    const statement = statements[id];
    if (statement === undefined) return [];
    const article = taxonomy.rights.get(id)?.article;
    return [
      [
        [labelOf(taxonomy, 'rights', id, lang)],
        [article === undefined ? '—' : capitalise(articleRef(article, lang))],
        [availability(statement, lang)],
        [rightDetails(id, statement, taxonomy, lang)],
      ],
    ];
  });
}

type Channel = TPolicy['rights']['channels'][number];

function channelItems(
  channels: readonly Channel[],
  policy: TPolicy,
  taxonomy: Taxonomy,
  lang: Language,
): Inlines[] {
  const t = RIGHTS_TEXT[lang];
  const contact = policy.organisation.contact;
  return channels.map((channel): Inlines => {
    const label = t.channel[channel.kind];
    switch (channel.kind) {
      case 'email': {
        const email = channel.value ?? policy.organisation.dpo?.email ?? contact.email;
        return email === undefined ? [label.replace(/ ?: $/, '')] : [label, emailLink(email)];
      }
      case 'postal': {
        const address = channel.address ?? contact.address;
        return address === undefined
          ? [label.replace(/ ?: $/, '')]
          : [label, addressText(address, taxonomy, lang)];
      }
      case 'phone':
        return channel.value === undefined ? [label.replace(/ ?: $/, '')] : [label, phoneLink(channel.value)];
      default:
        return channel.value === undefined ? [label.replace(/ ?: $/, '')] : [label, urlLink(channel.value)];
    }
  });
}

function complaintFields(policy: TPolicy, taxonomy: Taxonomy, lang: Language): Field[] {
  const t = RIGHTS_TEXT[lang];
  const { authority: id, contact } = policy.rights.complaint;
  const authority = taxonomy.authorities.get(id);
  const out: Field[] = [];
  const address =
    authority?.address ??
    (contact?.address === undefined ? undefined : addressText(contact.address, taxonomy, lang));
  if (address !== undefined) out.push({ label: t.address, values: [[address]] });
  const website = authority?.website ?? contact?.website;
  if (website !== undefined) out.push({ label: t.website, values: [[urlLink(website)]] });
  const form = authority?.complaintUrl ?? contact?.form;
  if (form !== undefined) out.push({ label: t.form, values: [[link(form, form)]] });
  const phone = authority?.phone ?? contact?.phone;
  if (phone !== undefined) out.push({ label: t.phone, values: [[phoneLink(phone)]] });
  if (contact?.email !== undefined) out.push({ label: t.email, values: [[emailLink(contact.email)]] });
  return out;
}

/** The rights section with its three subsections. */
export function rightsSection(policy: TPolicy, taxonomy: Taxonomy, lang: Language): Section {
  const t = RIGHTS_TEXT[lang];
  const rights = policy.rights;
  const exercise: Block[] = [
    paragraph(t.exercise),
    list(channelItems(rights.channels, policy, taxonomy, lang)),
  ];
  const conditions = (rights.conditions ?? []).map((c) => [
    capitalise(phraseOf(taxonomy, 'exerciseConditions', c, lang)),
  ]);
  if (conditions.length > 0) exercise.push(fields([{ label: t.conditionsTitle, values: conditions }]));
  exercise.push(
    paragraph(t.response(timeLimit(rights.responseTime ?? 'P1M', lang), rights.responseTime !== undefined)),
  );
  if (rights.extension !== undefined)
    exercise.push(paragraph(t.extension(timeLimit(rights.extension, lang))));
  const fees: string[] = [t.free];
  if (rights.fees?.additionalCopies !== undefined) fees.push(t.copies[rights.fees.additionalCopies]);
  if (rights.fees?.manifestlyUnfoundedOrExcessive !== undefined)
    fees.push(t.excessive[rights.fees.manifestlyUnfoundedOrExcessive]);
  exercise.push(paragraph(fees.join(' ')));

  const subsections: Section[] = [{ id: 'rights-exercise', title: t.exerciseTitle, blocks: exercise }];
  const postMortem = rights.postMortem;
  if (postMortem !== undefined) {
    const blocks: Block[] = [paragraph(postMortem.available ? t.postMortem : t.noPostMortem)];
    if (postMortem.available && (postMortem.channels?.length ?? 0) > 0) {
      blocks.push(
        paragraph(t.postMortemHow),
        list(channelItems(postMortem.channels ?? [], policy, taxonomy, lang)),
      );
    }
    const pmConditions = (postMortem.conditions ?? []).map((c) => [
      capitalise(phraseOf(taxonomy, 'exerciseConditions', c, lang)),
    ]);
    if (postMortem.available && pmConditions.length > 0)
      blocks.push(fields([{ label: t.conditionsTitle, values: pmConditions }]));
    subsections.push({ id: 'rights-post-mortem', title: t.postMortemTitle, blocks });
  }
  const authority = labelOf(taxonomy, 'authorities', rights.complaint.authority, lang);
  subsections.push({
    id: 'rights-complaint',
    title: t.complaintTitle,
    blocks: [
      paragraph(t.complaint(authority, rights.complaint.contactControllerFirst === true)),
      fields(complaintFields(policy, taxonomy, lang)),
    ],
  });
  return {
    id: 'rights',
    title: t.title,
    blocks: [
      paragraph(t.intro),
      {
        kind: 'table',
        caption: t.caption,
        head: t.head,
        rows: rightsRows(rights.statements, taxonomy, lang),
      },
    ],
    subsections,
  };
}
