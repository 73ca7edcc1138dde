/** Security, breaches, cookies, minimum age, commitments and changes to the notice. */
import type { TPolicy } from '../../model.ts';
import { labelOf, textOf } from '../../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../../taxonomy/types.ts';
import { describeDuration, joinWords } from '../retention-words.ts';
import { type Block, type Inlines, list, paragraph, type Section, urlLink } from './document.ts';
import { lowerFirst } from './event-phrases.ts';
import { phraseOf } from './phrases.ts';
import { alternatives, labelsOf, timeLimit } from './words.ts';

const T = {
  fr: {
    securityTitle: 'Sécurité de vos données',
    security:
      "Nous mettons en œuvre les mesures techniques et organisationnelles suivantes pour protéger vos données contre la destruction, la perte, l'altération ou la divulgation non autorisée :",
    providedBy: (who: string) => ` – prestataire : ${who}`,
    notApplied: (what: string) => `Mesures que nous n'appliquons pas : ${what}.`,
    certifications: (what: string) => `Certifications : ${what}.`,
    breachTitle: 'En cas de violation de données',
    notifyAuthority: (authority: string, limit: string) =>
      `En cas de violation de données personnelles, nous la notifions à l'autorité de contrôle, ${authority}, dans les meilleurs délais et, si possible, dans un délai ${limit} après en avoir pris connaissance (article 33 du RGPD), sauf si elle ne présente pas de risque pour vos droits et libertés.`,
    when: {
      'high-risk': "Si la violation est susceptible d'engendrer un risque élevé pour vos droits et libertés",
      'high-risk-unless-protected':
        "Si la violation est susceptible d'engendrer un risque élevé pour vos droits et libertés, sauf si les données concernées étaient protégées (par exemple chiffrées)",
      'possible-harm': 'Si la violation peut avoir des conséquences néfastes pour votre vie privée',
      always: 'Si une violation concerne vos données',
    },
    timing: { 'without-undue-delay': 'dans les meilleurs délais', immediately: 'immédiatement' },
    informYou: (when: string, timing: string, content: string) =>
      `${when}, nous vous en informons ${timing} (article 34 du RGPD), en vous indiquant ${content}.`,
    content: {
      nature: 'la nature de la violation',
      consequences: 'ses conséquences probables',
      measures: 'les mesures prises ou envisagées',
      recommendations: 'nos recommandations pour vous protéger',
      contact: 'un contact pour en savoir plus',
    },
    asProcessor:
      'Lorsque nous agissons en qualité de sous-traitant, nous informons le responsable du traitement dans les meilleurs délais.',
    documented:
      "Toute violation est consignée dans notre registre interne, qu'elle soit notifiée ou non (article 33, paragraphe 5, du RGPD).",
    cookiesTitle: 'Cookies et autres traceurs',
    noCookies: "Nous n'utilisons ni cookies ni autres traceurs.",
    cookies:
      "Nous utilisons les catégories de cookies suivantes. Ceux qui ne sont pas strictement nécessaires ne sont déposés qu'avec votre consentement.",
    cookiesCaption: 'Catégories de cookies',
    cookiesHead: [
      'Catégorie',
      'Finalités',
      'Consentement',
      'Durée de vie',
      'Conservation des données collectées',
      'Déposés par',
    ],
    consentYes: 'Requis',
    consentNo: 'Non requis (strictement nécessaires)',
    us: 'Nous',
    withdraw: (how: string) =>
      `Vous pouvez retirer votre consentement à tout moment ; il vous suffit ${how}.`,
    cookiePolicy: 'Pour en savoir plus : ',
    ageTitle: 'Âge minimum',
    age: (n: number) => `Nos services sont réservés aux personnes âgées d'au moins ${n} ans.`,
    commitmentsTitle: 'Nos engagements',
    changesTitle: 'Modifications de cette politique',
    changes:
      "Nous pouvons modifier cette politique, notamment pour tenir compte de l'évolution de la loi ou de nos services.",
    changesHow: (how: string) => `Nous vous informons des modifications de la manière suivante : ${how}.`,
    published: "La version en vigueur est publiée à l'adresse : ",
  },
  en: {
    securityTitle: 'Security of your data',
    security:
      'We apply the following technical and organisational measures to protect your data against destruction, loss, alteration or unauthorised disclosure:',
    providedBy: (who: string) => ` – provider: ${who}`,
    notApplied: (what: string) => `Measures we do not apply: ${what}.`,
    certifications: (what: string) => `Certifications: ${what}.`,
    breachTitle: 'If a data breach occurs',
    notifyAuthority: (authority: string, limit: string) =>
      `If a personal data breach occurs, we notify the supervisory authority, ${authority}, without undue delay and, where feasible, within ${limit} of becoming aware of it (Article 33 GDPR), unless it is unlikely to result in a risk to your rights and freedoms.`,
    when: {
      'high-risk': 'If the breach is likely to result in a high risk to your rights and freedoms',
      'high-risk-unless-protected':
        'If the breach is likely to result in a high risk to your rights and freedoms, unless the data concerned was protected (for instance encrypted)',
      'possible-harm': 'If the breach may harm your privacy',
      always: 'If a breach concerns your data',
    },
    timing: { 'without-undue-delay': 'without undue delay', immediately: 'immediately' },
    informYou: (when: string, timing: string, content: string) =>
      `${when}, we inform you ${timing} (Article 34 GDPR) and tell you ${content}.`,
    content: {
      nature: 'the nature of the breach',
      consequences: 'its likely consequences',
      measures: 'the measures taken or proposed',
      recommendations: 'our recommendations to protect yourself',
      contact: 'a contact point for more information',
    },
    asProcessor: 'When we act as a processor, we inform the controller without undue delay.',
    documented:
      'Every breach is recorded in our internal register, whether it is notified or not (Article 33(5) GDPR).',
    cookiesTitle: 'Cookies and other trackers',
    noCookies: 'We use no cookies or other trackers.',
    cookies:
      'We use the following categories of cookies. Those that are not strictly necessary are set only with your consent.',
    cookiesCaption: 'Cookie categories',
    cookiesHead: ['Category', 'Purposes', 'Consent', 'Lifetime', 'Retention of the data collected', 'Set by'],
    consentYes: 'Required',
    consentNo: 'Not required (strictly necessary)',
    us: 'Us',
    withdraw: (how: string) => `You can withdraw your consent at any time; just ${how}.`,
    cookiePolicy: 'To find out more: ',
    ageTitle: 'Minimum age',
    age: (n: number) => `Our services are intended for people aged ${n} or over.`,
    commitmentsTitle: 'Our commitments',
    changesTitle: 'Changes to this notice',
    changes: 'We may change this notice, in particular to follow changes in the law or in our services.',
    changesHow: (how: string) => `We inform you of changes as follows: ${how}.`,
    published: 'The current version is published at: ',
  },
} as const;

/** Security measures applied (with who provides them), measures not applied, certifications. */
export function securitySection(policy: TPolicy, taxonomy: Taxonomy, lang: Language): Section {
  const t = T[lang];
  const processor = (id: string): string => policy.processors.find((p) => p.id === id)?.name ?? id;
  const applied = policy.security
    .filter((m) => m.applied)
    .map((m): Inlines => {
      let text = labelOf(taxonomy, 'securityMeasures', m.measure, lang);
      if (m.providedBy !== undefined) text += t.providedBy(processor(m.providedBy));
      const details = textOf(m.details, lang);
      return [details === '' ? text : `${text}${lang === 'fr' ? ' : ' : ': '}${details}`];
    });
  const blocks: Block[] = [paragraph(t.security), list(applied)];
  const notApplied = policy.security
    .filter((m) => !m.applied)
    .map((m) => lowerFirst(labelOf(taxonomy, 'securityMeasures', m.measure, lang)));
  if (notApplied.length > 0) blocks.push(paragraph(t.notApplied(notApplied.join(', '))));
  if ((policy.certifications ?? []).length > 0)
    blocks.push(paragraph(t.certifications((policy.certifications ?? []).join(', '))));
  return { id: 'security', title: t.securityTitle, blocks };
}

/** The Art 33 and Art 34 commitments. */
export function breachSection(policy: TPolicy, taxonomy: Taxonomy, lang: Language): Section {
  const t = T[lang];
  const { notifyAuthority, notifySubjects } = policy.breach;
  const authority = labelOf(
    taxonomy,
    'authorities',
    notifyAuthority.authority ?? policy.organisation.supervisoryAuthority,
    lang,
  );
  const blocks: Block[] = [paragraph(t.notifyAuthority(authority, timeLimit(notifyAuthority.within, lang)))];
  if (notifySubjects !== undefined) {
    const content = joinWords(
      notifySubjects.content.map((c) => t.content[c]),
      lang,
    );
    blocks.push(
      paragraph(t.informYou(t.when[notifySubjects.when], t.timing[notifySubjects.timing], content)),
    );
  }
  if (policy.breach.notifyControllerAsProcessor === true) blocks.push(paragraph(t.asProcessor));
  blocks.push(paragraph(t.documented));
  return { id: 'breach', title: t.breachTitle, blocks };
}

/** Cookie categories with their consent, lifetime and data retention; how to withdraw consent. */
export function cookiesSection(policy: TPolicy, taxonomy: Taxonomy, lang: Language): Section | undefined {
  const cookies = policy.cookies;
  if (cookies === undefined) return undefined;
  const t = T[lang];
  if (!cookies.used) return { id: 'cookies', title: t.cookiesTitle, blocks: [paragraph(t.noCookies)] };
  const provider = (id: string): string => policy.processors.find((p) => p.id === id)?.name ?? id;
  const rows = cookies.categories.map((c): Inlines[] => [
    [textOf(c.label, lang)],
    [labelsOf(taxonomy, 'purposes', c.purposes, lang).join(', ')],
    [c.consent ? t.consentYes : t.consentNo],
    [describeDuration(c.lifetime, lang)],
    [c.dataRetention === undefined ? '—' : describeDuration(c.dataRetention, lang)],
    [(c.providers ?? []).length === 0 ? t.us : (c.providers ?? []).map(provider).join(', ')],
  ]);
  const blocks: Block[] = [paragraph(t.cookies)];
  if (rows.length > 0) blocks.push({ kind: 'table', caption: t.cookiesCaption, head: t.cookiesHead, rows });
  const how = (cookies.withdrawal ?? []).map((id) => phraseOf(taxonomy, 'exerciseConditions', id, lang));
  if (how.length > 0) blocks.push(paragraph(t.withdraw(alternatives(how, lang))));
  if (cookies.policyUrl !== undefined) blocks.push(paragraph(t.cookiePolicy, urlLink(cookies.policyUrl)));
  return { id: 'cookies', title: t.cookiesTitle, blocks };
}

/** The minimum age of users, when the policy sets one. */
export function minimumAgeSection(policy: TPolicy, lang: Language): Section | undefined {
  const age = policy.organisation.minimumAge;
  if (age === undefined) return undefined;
  return { id: 'minimum-age', title: T[lang].ageTitle, blocks: [paragraph(T[lang].age(age))] };
}

/** The organisation's commitments, when it states any. */
export function commitmentsSection(policy: TPolicy, taxonomy: Taxonomy, lang: Language): Section | undefined {
  if (policy.commitments.length === 0) return undefined;
  const items = policy.commitments.map((id) => {
    const entry = taxonomy.commitments.get(id);
    return [entry?.description?.[lang] ?? labelOf(taxonomy, 'commitments', id, lang)];
  });
  return { id: 'commitments', title: T[lang].commitmentsTitle, blocks: [list(items)] };
}

/** How the notice changes and where the current version lives. */
export function changesSection(policy: TPolicy, taxonomy: Taxonomy, lang: Language): Section {
  const t = T[lang];
  const blocks: Block[] = [paragraph(t.changes)];
  const how = labelsOf(taxonomy, 'commitments', policy.policy.changeNotification ?? [], lang).map(lowerFirst);
  if (how.length > 0) blocks.push(paragraph(t.changesHow(how.join(', '))));
  if (policy.policy.url !== undefined) blocks.push(paragraph(t.published, urlLink(policy.policy.url)));
  return { id: 'changes', title: t.changesTitle, blocks };
}
