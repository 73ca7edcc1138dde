/**
 * Seed 003 — Clearnox NV/SA, Wolters Kluwer Belgium group (shared/seeds/003_383c9bae3e3e061f.txt):
 * the checklist of the seed's clauses, asserted on the loaded policy model. Each quote is the
 * seed's own wording; the expected values are read from the seed, not from the YAML.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyOrThrow } from '../../src/policy/load-policy.ts';
import type { LoadedPolicy } from '../../src/policy/loaded-policy.ts';
import type { TActivity, TProcessor, TRetentionRule } from '../../src/policy/model.ts';

const POLICY_FILE = fileURLToPath(new URL('../../examples/seeds/003-clearnox/policy.yaml', import.meta.url));

let loaded: LoadedPolicy;

beforeAll(async () => {
  loaded = await loadPolicyOrThrow(POLICY_FILE);
});

function activity(id: string): TActivity {
  const found = loaded.policy.activities.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`activity ${id} is missing from the policy`);
  return found;
}

function processor(name: string): TProcessor {
  const found = loaded.policy.processors.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`processor ${name} is missing from the policy`);
  return found;
}

function basesFor(activityId: string, purpose: string): string[] {
  const found = activity(activityId);
  return (found.legalBases ?? [])
    .filter((use) => (use.purposes ?? found.purposes).includes(purpose))
    .map((use) => use.basis);
}

function dataOf(activityId: string): string[] {
  return activity(activityId).data.map((item) => item.category);
}

function allRules(): { rule: TRetentionRule; activityId: string }[] {
  return loaded.policy.activities.flatMap((a) => a.retention.map((rule) => ({ rule, activityId: a.id })));
}

function rule(id: string): { rule: TRetentionRule; activityId: string } {
  const found = allRules().find((candidate) => candidate.rule.id === id);
  if (found === undefined) throw new Error(`retention rule ${id} is missing from the policy`);
  return found;
}

/** §6 a–o, read from the seed: rule id, activity, trigger, duration, earlier end, data it must cover. */
const RETENTION_CLAUSES: readonly {
  id: string;
  quote: string;
  activity: string;
  trigger: string;
  duration: string;
  endsEarlierOn?: readonly string[];
  covers: readonly string[];
}[] = [
  {
    id: 'a-account',
    quote: 'a. compte personnel … tant que votre compte ne sera pas supprimé',
    activity: 'account-and-service-use',
    trigger: 'account-deletion',
    duration: 'P0D',
    covers: ['name', 'email-address', 'telephone-number'],
  },
  {
    id: 'b-contact-and-e-signature',
    quote:
      'b. informations de contact et … signer des contrats par voie numérique … jusqu’à la fin de notre relation contractuelle',
    activity: 'customer-relationship',
    trigger: 'end-of-contract',
    duration: 'P0D',
    covers: ['name', 'email-address', 'telephone-number', 'contract-signature-data'],
  },
  {
    id: 'c-customer-master-and-billing',
    quote:
      'c. données de base des clients et informations de facturation … 10 ans après la fin de notre relation contractuelle',
    activity: 'customer-relationship',
    trigger: 'end-of-contract',
    duration: 'P10Y',
    covers: ['customer-number', 'billing-information'],
  },
  {
    id: 'd-purchase-data',
    quote:
      'd. données collectées lorsque vous achetez des services … 10 ans après la fin de notre relation contractuelle',
    activity: 'customer-relationship',
    trigger: 'end-of-contract',
    duration: 'P10Y',
    covers: ['purchased-products'],
  },
  {
    id: 'e-service-use',
    quote:
      'e. données collectées lorsque vous utilisez nos services … 10 ans après la fin de notre relation contractuelle',
    activity: 'account-and-service-use',
    trigger: 'end-of-contract',
    duration: 'P10Y',
    covers: ['usage-data'],
  },
  {
    id: 'f-support-contacts',
    quote: 'f. données collectées lorsque vous nous contactez pour des questions ou une assistance … 10 ans',
    activity: 'customer-support',
    trigger: 'collection',
    duration: 'P10Y',
    covers: ['name', 'email-address', 'telephone-number', 'message-content'],
  },
  {
    id: 'g-information-requests',
    quote:
      'g. demandez des informations sur nos services … 3 ans ou jusqu’à ce que vous nous demandiez de supprimer vos données',
    activity: 'information-requests',
    trigger: 'collection',
    duration: 'P3Y',
    endsEarlierOn: ['erasure-request'],
    covers: ['name', 'email-address', 'company-information', 'message-content'],
  },
  {
    id: 'h-call-and-screen-share-recordings',
    quote: 'h. L’enregistrement des appels et du partage d’écran sera conservé pendant 1 mois',
    activity: 'customer-support',
    trigger: 'recording',
    duration: 'P1M',
    covers: ['call-recording', 'screen-share-recording'],
  },
  {
    id: 'i-statistics',
    quote: 'i. données collectées à des fins statistiques … 14 mois',
    activity: 'website-statistics',
    trigger: 'collection',
    duration: 'P14M',
    covers: ['browsing-behaviour'],
  },
  {
    id: 'j-webinars',
    quote: 'j. … inscrire et de participer à nos webinaires … 12 mois',
    activity: 'webinars',
    trigger: 'collection',
    duration: 'P12M',
    covers: ['name', 'email-address', 'webinar-questions', 'webinar-recording'],
  },
  {
    id: 'k-events',
    quote: 'k. … inscrire et d’assister à nos événements … 1 mois après la tenue de ces derniers',
    activity: 'events',
    trigger: 'event-date',
    duration: 'P1M',
    covers: ['name', 'email-address', 'event-information'],
  },
  {
    id: 'l-surveys',
    quote: 'l. données collectées par le biais d’enquêtes … 12 mois',
    activity: 'surveys',
    trigger: 'collection',
    duration: 'P12M',
    covers: ['survey-answers'],
  },
  {
    id: 'm-technical-and-security-logs',
    quote: 'm. journaux techniques et de sécurité … une durée maximale de 6 mois',
    activity: 'security',
    trigger: 'collection',
    duration: 'P6M',
    covers: ['security-log', 'connection-log', 'activity-log'],
  },
  {
    id: 'n-backups',
    quote: 'n. sauvegardes de données, créées pour des raisons de sécurité … 4 semaines',
    activity: 'security',
    trigger: 'backup-creation',
    duration: 'P4W',
    covers: ['x-data-backups'],
  },
  {
    id: 'o-marketing',
    quote:
      'o. données collectées à des fins de marketing … aussi longtemps que nous avons votre consentement',
    activity: 'marketing',
    trigger: 'consent-withdrawal',
    duration: 'P0D',
    covers: ['name', 'email-address', 'email-engagement'],
  },
];

/** §5 b–f, read from the seed: processor, country group, services, safeguard of the transfer. */
const PROCESSOR_CLAUSES: readonly {
  name: string;
  country: string;
  services: readonly string[];
  safeguards?: readonly string[];
}[] = [
  // b. "situés en Belgique": SurveyAnyplace (enquête); Tobania et MyForce (centre d'appels, relation client)
  { name: 'SurveyAnyplace', country: 'BE', services: ['survey-tool'] },
  { name: 'Tobania', country: 'BE', services: ['call-centre', 'crm'] },
  { name: 'MyForce', country: 'BE', services: ['call-centre', 'crm'] },
  // c. "situés en France": BPost, "qui nous permettent d'envoyer des courriers"
  { name: 'BPost', country: 'FR', services: ['postal-mail'] },
  // d. "situés dans l'Espace Économique Européen"
  { name: 'Microsoft', country: 'EEA', services: ['crm', 'screen-sharing'] },
  { name: 'Google Analytics', country: 'EEA', services: ['web-analytics'] },
  { name: 'Google Drive', country: 'EEA', services: ['document-storage'] },
  { name: 'Google Suite', country: 'EEA', services: ['productivity-suite'] },
  { name: 'OVH', country: 'EEA', services: ['hosting'] },
  // e. "situés aux États-Unis d'Amérique" — no transfer mechanism is named
  { name: 'Zoom', country: 'US', services: ['webinar'], safeguards: ['not-stated'] },
  { name: 'MailChimp', country: 'US', services: ['newsletter-mailing'], safeguards: ['not-stated'] },
  { name: 'Salesforce', country: 'US', services: ['crm'], safeguards: ['not-stated'] },
  { name: 'Atlassian', country: 'US', services: ['ticketing'], safeguards: ['not-stated'] },
  { name: 'ZenDesk', country: 'US', services: ['customer-support'], safeguards: ['not-stated'] },
  {
    name: 'TeamViewer',
    country: 'US',
    services: ['screen-sharing', 'remote-support'],
    safeguards: ['not-stated'],
  },
  { name: 'Ringover', country: 'US', services: ['telephony'], safeguards: ['not-stated'] },
  { name: 'GoToMeeting', country: 'US', services: ['webinar'], safeguards: ['not-stated'] },
  { name: 'TableauSoftware', country: 'US', services: ['business-intelligence'], safeguards: ['not-stated'] },
  { name: 'Woodpecker', country: 'US', services: ['marketing-automation'], safeguards: ['not-stated'] },
  // f. "situés au Royaume-Uni, pays disposant d'une décision d'adéquation": PLEZI
  { name: 'PLEZI', country: 'GB', services: ['marketing-automation'], safeguards: ['adequacy'] },
];

const US_PROCESSORS = PROCESSOR_CLAUSES.filter((clause) => clause.country === 'US').map(
  (clause) => clause.name,
);

describe('seed 003 — Clearnox', () => {
  it('§1 controller, offices and group; §10 DPO', () => {
    const organisation = loaded.policy.organisation;
    // "Clearnox NV/SA … dont les bureaux sont situés à 8 Rue Honoré de Balzac, 37000 Tours, France
    // (phone: +33 2 47 60 65 96)"
    expect(organisation.name).toBe('Clearnox');
    expect(organisation.legalForm).toBe('NV/SA');
    expect(organisation.contact.address).toEqual({
      street: '8 Rue Honoré de Balzac',
      postalCode: '37000',
      city: 'Tours',
      country: 'FR',
    });
    expect(organisation.contact.phone).toBe('+33 2 47 60 65 96');
    // "Clearnox fait partie de Wolters Kluwer Belgium SA … Motstraat 30, 2800 Malines, Belgique
    // (tel: +32 15 36 10 00)"
    expect(organisation.group?.name).toBe('Wolters Kluwer Belgium');
    expect(organisation.group?.legalForm).toBe('SA');
    expect(organisation.group?.contact?.phone).toBe('+32 15 36 10 00');
    expect(organisation.group?.contact?.address).toEqual({
      street: 'Motstraat 30',
      postalCode: '2800',
      city: 'Malines',
      country: 'BE',
    });
    // §10 "contacter notre délégué à la protection des données, en envoyant un email à
    // wkbe-gdrp@wolterskluwer.com, ou … à Wolters Kluwer Belgium SA, Motstraat 30, 2800 Malines"
    expect(organisation.dpo?.email).toBe('wkbe-gdrp@wolterskluwer.com');
    expect(organisation.dpo?.address?.city).toBe('Malines');
    expect(organisation.dpo?.address?.country).toBe('BE');
    // §3.3 controller for its own data, "processeur" for all other data used in the services.
    expect([...organisation.roles].sort()).toEqual(['controller', 'processor']);
    expect(organisation.languages).toEqual(['fr', 'en']);
  });

  it('§2 changes: last change in November 2024, important changes announced, always lawful', () => {
    // "La dernière modification de cette déclaration a été apportée en novembre 2024." — a month, no day.
    expect(loaded.policy.policy.version).toBe('2024-11');
    expect(loaded.policy.policy.date).toBeUndefined();
    // "Nous vous informerons, lorsque cela est possible, de tout changement important"
    expect(loaded.policy.policy.changeNotification).toEqual(['inform-of-important-changes']);
    // "… mais le ferons systématiquement en accord avec les lois applicables"
    expect(loaded.policy.commitments).toContain('x-changes-lawful-only');
  });

  it('§7 minimum age: "doivent être âgés d\'au moins 18 ans"', () => {
    expect(loaded.policy.organisation.minimumAge).toBe(18);
  });

  it('§3.1 and §4 customer relationship: contract, legitimate interest, legal obligation', () => {
    // "votre nom, votre adresse e-mail, votre préférence linguistique et votre numéro de téléphone …
    // un numéro de client"; "b. Les produits que vous … utilisez et les informations relatives à la facturation"
    expect(dataOf('customer-relationship')).toEqual(
      expect.arrayContaining([
        'name',
        'email-address',
        'language-preference',
        'telephone-number',
        'customer-number',
        'purchased-products',
        'billing-information',
      ]),
    );
    // §4 a v "gérer la relation entre vous, notre client, et Wolters Kluwer"; vi "facturer votre entreprise"
    expect(basesFor('customer-relationship', 'customer-relationship-management')).toEqual(['contract']);
    expect(basesFor('customer-relationship', 'billing')).toEqual(['contract']);
    // §4 c ii "conserver une trace de nos relations commerciales"; iii "la correspondance et les réunions d'affaires"
    expect(basesFor('customer-relationship', 'business-record-keeping')).toEqual(['legitimate-interest']);
    expect(basesFor('customer-relationship', 'x-business-correspondence')).toEqual(['legitimate-interest']);
    // §4 d "nous conformer à nos obligations légales, telles que … la déclaration fiscale"
    expect(basesFor('customer-relationship', 'tax-reporting')).toEqual(['legal-obligation']);
  });

  it('§3.2 information and web-demo requests; free trial and sign-up', () => {
    // "votre nom et votre titre, votre adresse, … des informations sur votre entreprise, son nombre de
    // banques …"; "tous les courriels que nous échangeons"; web demo "son chiffre d'affaires", "le message"
    expect(dataOf('information-requests')).toEqual(
      expect.arrayContaining([
        'name',
        'title',
        'postal-address',
        'company-information',
        'company-revenue',
        'message-content',
      ]),
    );
    // §4 a iii "vous fournir les informations que vous avez demandées" (contract); §4 b i, ii (consent)
    expect(basesFor('information-requests', 'information-requests')).toEqual(['contract']);
    expect(basesFor('information-requests', 'contact-request-handling')).toEqual(['consent']);
    expect(basesFor('information-requests', 'appointment-scheduling')).toEqual(['consent']);
    // Free trial: "votre nom, votre adresse e-mail, votre numéro de téléphone; … le nom de la société …;
    // … la façon dont vous avez connu Clearnox"
    expect(dataOf('account-and-service-use')).toEqual(
      expect.arrayContaining([
        'name',
        'email-address',
        'telephone-number',
        'company-information',
        'referral-source',
      ]),
    );
  });

  it('§3.3 use of the services: controller data, and processor for all other data', () => {
    // "votre nom, votre adresse e-mail, votre numéro de téléphone et votre adresse IP"
    expect(dataOf('account-and-service-use')).toEqual(expect.arrayContaining(['ip-address', 'usage-data']));
    // §4 a i "vous inscrire et utiliser nos services"; ii "communications importantes"
    expect(basesFor('account-and-service-use', 'service-provision')).toEqual(['contract']);
    expect(basesFor('account-and-service-use', 'important-service-communications')).toEqual(['contract']);
    // §4 c vii "améliorer nos services et développer de nouvelles offres"
    expect(basesFor('account-and-service-use', 'service-improvement')).toEqual(['legitimate-interest']);
    // "Informations relatives à la sécurité : journaux de sécurité, journaux de connexion et d'activité, et
    // l'agent utilisateur" — kept in the purpose-driven security activity.
    expect(dataOf('security')).toEqual(
      expect.arrayContaining(['security-log', 'connection-log', 'activity-log', 'user-agent', 'ip-address']),
    );
    // "vous restez le contrôleur de toutes les autres données … nous agissons en tant que processeur"
    const processing = activity('customer-data-processing');
    expect(processing.role).toBe('processor');
    expect(processing.controllers?.length).toBe(1);
    expect(processing.sources).toEqual(['customer']);
    expect(processing.legalBases).toBeUndefined();
  });

  it('§3.4 customer support: screen sharing, calls and contact form', () => {
    // "votre nom, le nom de votre société, votre numéro de téléphone, votre poste et votre adresse
    // électronique"; "Toute information partagée pendant la session de partage d'écran (audio et vidéo)";
    // "Toute information partagée pendant l'appel ou via le formulaire de contact"
    expect(dataOf('customer-support')).toEqual(
      expect.arrayContaining([
        'name',
        'company-information',
        'telephone-number',
        'job-title',
        'email-address',
        'screen-share-recording',
        'call-recording',
        'message-content',
        'voluntary-information',
      ]),
    );
    // §4 a iv "vous fournir une assistance"; §4 b vi "partage d'écran lorsque vous le demandez",
    // vii "prise de main à distance"; §4 c iv "examen des appels … formation … contrôle de la qualité",
    // v "traces des actions prises pendant les sessions de partage d'écran"
    expect(basesFor('customer-support', 'customer-care')).toEqual(['contract']);
    expect(basesFor('customer-support', 'screen-sharing-support')).toEqual(['consent']);
    expect(basesFor('customer-support', 'remote-assistance')).toEqual(['consent']);
    expect(basesFor('customer-support', 'call-quality-monitoring')).toEqual(['legitimate-interest']);
    expect(basesFor('customer-support', 'x-screen-sharing-records')).toEqual(['legitimate-interest']);
  });

  it('§3.5 marketing contexts: events, webinars, surveys, newsletter, white papers', () => {
    // Events: "… d'autres organisateurs d'événements auxquels vous avez donné votre accord"
    expect(activity('events').sources).toEqual(expect.arrayContaining(['subject', 'event-organisers']));
    expect(dataOf('events')).toEqual(expect.arrayContaining(['title', 'job-title', 'event-information']));
    // §4 a viii "vous inscrire et de participer à nos webinaires ou à nos événements" (contract)
    expect(basesFor('events', 'event-management')).toEqual(['contract']);
    expect(basesFor('webinars', 'webinar-management')).toEqual(['contract']);
    // Webinars: "Les questions …"; "Enregistrement des webinaires (rappel oral avant début de l'enregistrement)"
    expect(dataOf('webinars')).toEqual(
      expect.arrayContaining(['webinar-questions', 'webinar-recording', 'ip-address']),
    );
    expect(loaded.policy.commitments).toContain('recording-announced');
    // Surveys: "Les réponses que vous avez fournies"; §4 b iv "vous envoyer des enquêtes" (consent)
    expect(dataOf('surveys')).toContain('survey-answers');
    expect(basesFor('surveys', 'customer-satisfaction-survey')).toEqual(['consent']);
    // Newsletter: "Votre appareil et vos informations d'utilisation sont également collectés lorsque vous lisez"
    expect(dataOf('marketing')).toEqual(expect.arrayContaining(['language-preference', 'email-engagement']));
    // §4 b iii "offres promotionnelles … conformément à vos choix" (consent); §4 c vi, viii existing customers (LI)
    expect(basesFor('marketing', 'promotional-offers')).toEqual(['consent']);
    expect(basesFor('marketing', 'newsletter')).toEqual(['consent']);
    expect(basesFor('marketing', 'direct-marketing')).toEqual(['legitimate-interest']);
    expect(basesFor('marketing', 'advertising')).toEqual(['legitimate-interest']);
    // §4 c vi "via un lien de désinscription présent au bas de chaque communication"
    expect(activity('marketing').rights?.['objection-direct-marketing']).toEqual({
      available: true,
      conditions: ['unsubscribe-link'],
    });
  });

  it('§3.6 website: cookies only with consent; §4 b viii and c ix', () => {
    // "Lorsque vous nous y autorisez, en acceptant l'utilisation de cookies … les pages que vous avez consultées"
    expect(dataOf('website-statistics')).toEqual(
      expect.arrayContaining(['ip-address', 'browsing-behaviour']),
    );
    expect(basesFor('website-statistics', 'statistics')).toEqual(['consent']);
    // §4 c ix "obtenir des informations non nominatives sur les visiteurs"
    expect(basesFor('website-statistics', 'audience-measurement')).toEqual(['legitimate-interest']);
  });

  it('§4 c: the balancing test covers every legitimate-interest purpose', () => {
    // "nous avons procédé à un test de mise en balance, comme la loi l'exige"
    const uses = loaded.policy.activities.flatMap((a) => a.legalBases ?? []);
    const interests = uses.filter((use) => use.basis === 'legitimate-interest');
    expect(interests.length).toBeGreaterThanOrEqual(6);
    for (const use of interests) expect(use.balancingTest).toBe(true);
    expect(loaded.policy.commitments).toContain('balancing-test-performed');
    // The seed states a basis for every purpose: no 'not-stated' anywhere.
    expect(uses.some((use) => use.basis === 'not-stated')).toBe(false);
  });

  it('§4 a vii, c i, d: security under contract and legitimate interest; crime reporting by law', () => {
    expect(basesFor('security', 'it-security').sort()).toEqual(['contract', 'legitimate-interest']);
    // "le signalement d'un crime ou d'une intention criminelle"
    expect(basesFor('security', 'crime-reporting')).toEqual(['legal-obligation']);
  });

  it('§5 a, g recipients: need-to-know staff, bound contractors, authorities for reporting', () => {
    for (const a of loaded.policy.activities.filter((candidate) => candidate.role === 'controller')) {
      // "Le personnel de Wolters Kluwer ayant accès aux données selon le principe du need to know et les
      // contractants qui ont signé un accord de confidentialité"
      expect(a.recipients?.internal).toContain('authorised-staff');
      expect(a.recipients?.external).toContain('confidentiality-bound-contractors');
    }
    // "g. Les institutions gouvernementales ou les organismes de réglementation conformément à nos
    // obligations de déclaration"
    expect(activity('customer-relationship').recipients?.external).toContain('regulators');
    expect(activity('security').recipients?.external).toContain('regulators');
    expect(loaded.policy.commitments).toContain('disclosure-to-authorities');
  });

  it('§5 b–f processors: country, services and transfer safeguard of each', () => {
    expect(loaded.policy.processors).toHaveLength(PROCESSOR_CLAUSES.length);
    for (const clause of PROCESSOR_CLAUSES) {
      const found = processor(clause.name);
      expect(found.country, clause.name).toBe(clause.country);
      expect([...found.services].sort(), clause.name).toEqual([...clause.services].sort());
      // "uniquement selon nos instructions et … soumis à des clauses de confidentialité appropriées"
      expect(found.contract, clause.name).toBe(true);
      expect(found.role, clause.name).toBe('processor');
      if (clause.safeguards === undefined) {
        expect(found.transfers, clause.name).toEqual([]);
      } else {
        expect(found.transfers, clause.name).toEqual([
          { country: clause.country, safeguards: clause.safeguards },
        ]);
      }
    }
    // Every processor serves at least one activity, and every activity names existing processors.
    const used = new Set(loaded.policy.activities.flatMap((a) => a.processors));
    for (const p of loaded.policy.processors) expect(used.has(p.id), p.name).toBe(true);
    expect(loaded.taxonomy.safeguards.get('not-stated')?.unstated).toBe(true);
    expect(loaded.taxonomy.countries.get('GB')?.adequacy).toBe('full');
  });

  it('§6 a–o: fifteen retention rules, each with its duration and trigger', () => {
    const rules = allRules();
    expect(rules.map(({ rule: r }) => r.id).sort()).toEqual(
      RETENTION_CLAUSES.map((clause) => clause.id).sort(),
    );
    for (const clause of RETENTION_CLAUSES) {
      const { rule: r, activityId } = rule(clause.id);
      expect(activityId, clause.quote).toBe(clause.activity);
      expect(r.trigger, clause.quote).toBe(clause.trigger);
      expect(r.duration, clause.quote).toBe(clause.duration);
      expect(r.endsEarlierOn, clause.quote).toEqual(clause.endsEarlierOn);
      expect(r.data, clause.quote).toEqual(expect.arrayContaining([...clause.covers]));
      // "avec des périodes de conservation maximales telles que définies ci-dessous": each is a ceiling.
      expect(r.maximum, clause.quote).toBe(true);
      // The seed names no archive phase, legal hold, renewal or consent extension, and no anonymisation.
      expect(r.endAction, clause.quote).toBe('delete');
      expect(r.archive, clause.quote).toBeUndefined();
      expect(r.legalHolds, clause.quote).toBeUndefined();
      expect(r.renewalRequest, clause.quote).toBeUndefined();
      expect(r.longerWithConsent, clause.quote).toBeUndefined();
      // A rule only covers data its activity collects.
      expect(dataOf(activityId), clause.quote).toEqual(expect.arrayContaining([...r.data]));
      expect(loaded.taxonomy.triggerEvents.has(r.trigger), clause.quote).toBe(true);
    }
    // "§3.3 … nous agissons en tant que processeur": no retention is stated for the customers' data.
    expect(activity('customer-data-processing').retention).toEqual([]);
  });

  it('§5 a and §6 security measures, all applied', () => {
    const measures = loaded.policy.security.map((use) => use.measure);
    expect(measures).toEqual(
      expect.arrayContaining([
        // "Vos données personnelles sont et resteront strictement confidentielles."
        'confidentiality-obligation',
        // "selon le principe du « need to know »"
        'need-to-know',
        // "processus et procédures visant à minimiser tout accès non autorisé"
        'access-control',
        // "les tiers … ont également mis en place des mesures de sécurité adéquates"
        'processor-security-clauses',
        // "Les sauvegardes de données, créées pour des raisons de sécurité"
        'backups',
      ]),
    );
    // The seed states no measure as not applied.
    for (const use of loaded.policy.security) expect(use.applied, use.measure).toBe(true);
    expect(loaded.policy.commitments).toEqual(
      expect.arrayContaining(['confidentiality', 'x-kept-only-as-long-as-necessary']),
    );
  });

  it('§8: no automated decision and no profiling in any processing', () => {
    // "Aucune décision automatisée ne sera prise à votre sujet, et aucun profil ne sera établi dans le
    // cadre des traitements décrits dans la présente déclaration."
    for (const a of loaded.policy.activities) {
      expect(a.automatedDecisions, a.id).toEqual({ automatedDecisionMaking: false, profiling: false });
    }
  });

  it('§9 rights and their limits', () => {
    const statements = loaded.policy.rights.statements;
    // "une copie de vos données … corriger, effacer ou restreindre … format structuré et lisible par machine
    // … vous opposer"
    for (const right of [
      'access',
      'rectification',
      'erasure',
      'restriction',
      'portability',
      'objection',
      'withdraw-consent',
      'complaint',
    ]) {
      expect(statements[right]?.available, right).toBe(true);
    }
    // "si répondre à votre demande révèlerait des données … concernant une autre personne"
    expect(statements.access?.reasons).toEqual(['others-rights']);
    // "supprimer des informations que nous sommes tenus de conserver par la loi, ou que nous avons un
    // intérêt légitime impérieux à conserver"
    expect([...(statements.erasure?.reasons ?? [])].sort()).toEqual([
      'compelling-legitimate-grounds',
      'legal-obligation',
    ]);
    // "les données personnelles que vous nous avez fournies"
    expect(statements.portability?.reasons).toEqual(['provided-data-only']);
    // "notamment lorsque nous ne sommes pas tenus de traiter vos données … exigence contractuelle ou légale"
    expect(statements.objection?.reasons).toEqual(['contractual-or-legal-requirement']);
    // The seed refuses no right and states no automated-decision right, no post-mortem directive.
    for (const [right, statement] of Object.entries(statements))
      expect(statement.available, right).toBe(true);
    expect(loaded.policy.rights.postMortem).toBeUndefined();
    expect(loaded.policy.rights.responseTime).toBeUndefined();
    expect(loaded.policy.rights.fees).toBeUndefined();
  });

  it('§9–§10 how to exercise: e-mail to the DPO or a dated and signed letter', () => {
    const rights = loaded.policy.rights;
    expect(rights.channels).toEqual(
      expect.arrayContaining([
        { kind: 'email', value: 'wkbe-gdrp@wolterskluwer.com' },
        {
          kind: 'postal',
          address: { street: 'Motstraat 30', postalCode: '2800', city: 'Malines', country: 'BE' },
        },
      ]),
    );
    expect(rights.conditions).toEqual(['dated-and-signed-request']);
  });

  it('§9 consent withdrawal, also for cookies by deleting them', () => {
    // "vous pouvez retirer ce consentement à tout moment"
    const consentUses = loaded.policy.activities.flatMap((a) =>
      (a.legalBases ?? []).filter((use) => use.basis === 'consent'),
    );
    expect(consentUses.length).toBeGreaterThanOrEqual(5);
    for (const use of consentUses) expect(use.withdrawal?.length).toBeGreaterThan(0);
    // "Vous pouvez retirer votre consentement, lié à l'utilisation des cookies, en supprimant les cookies
    // liés à notre domaine."
    const cookieConsent = (activity('website-statistics').legalBases ?? []).find(
      (use) => use.basis === 'consent',
    );
    expect(cookieConsent?.withdrawal).toEqual(['delete-cookies']);
    expect(activity('website-statistics').rights?.['withdraw-consent']?.conditions).toEqual([
      'delete-cookies',
    ]);
    const cookies = loaded.policy.cookies;
    expect(cookies?.used).toBe(true);
    expect(cookies?.withdrawal).toEqual(['delete-cookies']);
    // The seed gives no cookie lifetime: no category is invented.
    expect(cookies?.categories).toEqual([]);
  });

  it('§9 complaint to the Belgian Autorité de Protection des Données', () => {
    const complaint = loaded.policy.rights.complaint;
    expect(loaded.policy.organisation.supervisoryAuthority).toBe('apd-be');
    expect(complaint.authority).toBe('apd-be');
    // "… auprès de l'Autorité de Protection des Données : https://www.autoriteprotectiondonnees.be/"
    expect(complaint.contact).toEqual({ website: 'https://www.autoriteprotectiondonnees.be/' });
    // "S'il reste des points de contestation non résolus"
    expect(complaint.contactControllerFirst).toBe(true);
    expect(loaded.taxonomy.authorities.get('apd-be')?.country).toBe('BE');
  });

  it('breaches: the seed makes no commitment beyond the Art 33 duty', () => {
    expect(loaded.policy.breach.notifyAuthority.within).toBe('PT72H');
    expect(loaded.policy.breach.notifySubjects).toBeUndefined();
  });

  it('raises the warnings the seed deserves', () => {
    const warnings = loaded.warnings;
    // §5 e: ten US processors with no transfer mechanism — one warning per transfer, no other.
    const transfers = warnings.filter((w) => w.code === 'transfer-without-safeguard');
    const flagged = transfers.map((w) => {
      const index = Number(/^processors\[(\d+)\]/.exec(w.path)?.[1]);
      return loaded.policy.processors[index]?.name;
    });
    expect(flagged.sort()).toEqual([...US_PROCESSORS].sort());
    // `not-stated` is not the Privacy Shield: nothing may call it an invalid mechanism.
    expect(warnings.some((w) => w.code === 'privacy-shield-transfer')).toBe(false);
    // The UK transfer rests on adequacy: no finding for PLEZI.
    const plezi = loaded.policy.processors.findIndex((p) => p.name === 'PLEZI');
    expect(warnings.some((w) => w.path.startsWith(`processors[${plezi}]`))).toBe(false);
    // §3.3: no retention is stated for the data Clearnox processes for its customers.
    const processing = loaded.policy.activities.findIndex((a) => a.id === 'customer-data-processing');
    const retention = warnings.filter((w) => w.code === 'activity-without-retention');
    expect(retention.map((w) => w.path)).toEqual([`activities[${processing}].retention`]);
    // Every controller activity states its basis.
    expect(warnings.some((w) => w.code === 'legal-basis-not-stated')).toBe(false);
  });
});
