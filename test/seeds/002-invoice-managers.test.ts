/**
 * Seed 002 — The Invoice Managers (shared/seeds/002_97f083a96429d4c2.txt): the checklist of the
 * seed's clauses, asserted on the loaded policy model. Each quote is the seed's own wording.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyOrThrow } from '../../src/policy/load-policy.ts';
import type { LoadedPolicy } from '../../src/policy/loaded-policy.ts';
import type { TActivity } from '../../src/policy/model.ts';

const POLICY_FILE = fileURLToPath(
  new URL('../../examples/seeds/002-invoice-managers/policy.yaml', import.meta.url),
);

let loaded: LoadedPolicy;

beforeAll(async () => {
  loaded = await loadPolicyOrThrow(POLICY_FILE);
});

function activity(id: string): TActivity {
  const found = loaded.policy.activities.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`activity ${id} is missing from the policy`);
  return found;
}

function basesOf(id: string): string[] {
  return (activity(id).legalBases ?? []).map((use) => use.basis);
}

function dataOf(id: string): string[] {
  return activity(id).data.map((item) => item.category);
}

const CONTROLLER_ACTIVITIES = [
  'customer-contract',
  'service-provision',
  'helpdesk',
  'marketing-and-service-improvement',
  'website-statistics',
  'legal-compliance-and-security',
  'consent-based-purposes',
];

describe('seed 002 — The Invoice Managers', () => {
  it('§11 contact: identity, address and enterprise number of the controller', () => {
    const organisation = loaded.policy.organisation;
    // "Monsieur Henri De Swaef / Blauwtorenplein 2 / 2000 Antwerpen / BE0652.750.315 / E-mail:"
    expect(organisation.name).toBe('The Invoice Managers');
    expect(organisation.registration).toBe('BE0652.750.315');
    expect(organisation.contact.name).toBe('Henri De Swaef');
    expect(organisation.contact.address).toEqual({
      street: 'Blauwtorenplein 2',
      postalCode: '2000',
      city: 'Antwerpen',
      country: 'BE',
    });
    // The "E-mail:" line is empty in the seed: no address may be made up.
    expect(organisation.contact.email).toBeUndefined();
    // The seed designates no DPO and names no group.
    expect(organisation.dpo).toBeUndefined();
    expect(organisation.group).toBeUndefined();
    // The seed sets no minimum age.
    expect(organisation.minimumAge).toBeUndefined();
    expect(organisation.languages).toEqual(['fr', 'en']);
  });

  it('§8 authority: "déposer une plainte auprès de l\'Autorité de protection des données"', () => {
    expect(loaded.policy.organisation.supervisoryAuthority).toBe('apd-be');
    expect(loaded.policy.rights.complaint.authority).toBe('apd-be');
    // "… : https://www.autoriteprotectiondonnees.be/" — the contact exactly as given.
    expect(loaded.policy.rights.complaint.contact).toEqual({
      website: 'https://www.autoriteprotectiondonnees.be/',
    });
    // "Vous avez également le droit de déposer une plainte": no prior request required.
    expect(loaded.policy.rights.complaint.contactControllerFirst).toBeUndefined();
    expect(loaded.policy.rights.statements.complaint?.available).toBe(true);
    expect(loaded.taxonomy.authorities.get('apd-be')?.country).toBe('BE');
  });

  it('§10 version: "nous publierons la nouvelle version et modifierons la « date de la dernière mise à jour »"', () => {
    // No date is printed in the seed.
    expect(loaded.policy.policy.date).toBeUndefined();
    expect(loaded.policy.policy.changeNotification).toEqual(['changes-published-online']);
    // "peut à chaque moment et avec effet immédiat actualiser la présente politique"
    expect(loaded.policy.commitments).toContain('x-changes-with-immediate-effect');
    expect(loaded.policy.commitments).toContain('changes-published-online');
  });

  it('§2.1 scope: "clients, débiteurs de clients et prospects"; §10 roles', () => {
    const subjects = new Set(loaded.policy.activities.flatMap((entry) => entry.subjects));
    expect(subjects).toContain('customer');
    expect(subjects).toContain('debtor');
    expect(subjects).toContain('prospect');
    // "Le traitement des données à caractère personnel du Client ou de ses employés … The Invoice
    // Managers agira en qualité de responsable de traitement."
    expect(subjects).toContain('customer-employee');
    expect(loaded.policy.organisation.roles).toEqual(['controller', 'processor']);
    for (const id of CONTROLLER_ACTIVITIES) expect(activity(id).role, id).toBe('controller');
  });

  it('§10 processor: "en cas de traitement de données … de ses client[s] … The Invoice Managers agira en qualité de sous-traitant"', () => {
    const debtors = activity('debtor-invoice-collection');
    expect(debtors.role).toBe('processor');
    expect(debtors.subjects).toEqual(['debtor']);
    // The controllers are the customers, under "le contrat relatif au traitement de données".
    expect(debtors.controllers).toHaveLength(1);
    expect(debtors.controllers?.[0]?.name.fr).toMatch(/client/i);
    expect(debtors.controllers?.[0]?.name.en).toMatch(/customer/i);
    // The data comes from the customer, not from the debtor.
    expect(debtors.sources).toEqual(['customer']);
    // "le suivi et l'encaissement de factures, éventuellement par l'intermédiaire de tiers"
    expect(debtors.purposes).toEqual(expect.arrayContaining(['receivables-management', 'debt-collection']));
    expect(debtors.recipients?.external).toEqual(expect.arrayContaining(['partners', 'suppliers']));
    // The legal basis belongs to each controller.
    expect(debtors.legalBases).toBeUndefined();
    // "Données financières : numéro de compte bancaire, BIC CODE, …, factures, comportement en matière
    // de paiement, évaluation du crédit"
    expect(dataOf('debtor-invoice-collection')).toEqual(
      expect.arrayContaining(['bank-account', 'bic', 'invoice', 'payment-behaviour', 'credit-assessment']),
    );
  });

  it('§3.1 data the subject gives: identification, account, services, complaints, financial data, videos, preferences', () => {
    const data = dataOf('customer-contract');
    // "nom, prénom, nom commercial, adresse résidentielle, adresse commerciale, adresse de facturation,
    // adresse e-mail, numéro de téléphone (fixe/mobile), le sexe"
    expect(data).toEqual(
      expect.arrayContaining([
        'name',
        'company-information',
        'postal-address',
        'billing-information',
        'email-address',
        'telephone-number',
        'gender',
      ]),
    );
    // "identifiants, mots de passe, adresse e-mail, adresse IP, question et réponse de sécurité"
    expect(data).toEqual(expect.arrayContaining(['login-credentials', 'ip-address', 'security-question']));
    // "Des renseignements concernant des services"
    expect(data).toContain('purchased-products');
    // "numéro de compte bancaire, BIC CODE, nom du titulaire de compte, factures, comportement en matière
    // de paiement, évaluation du crédit"
    expect(data).toEqual(
      expect.arrayContaining(['bank-account', 'bic', 'invoice', 'payment-behaviour', 'credit-assessment']),
    );
    // "Vidéos ; Préférences de communication ; Toutes autre données … fournies volontairement"
    expect(data).toEqual(
      expect.arrayContaining(['video', 'communication-preferences', 'voluntary-information']),
    );
    expect(activity('customer-contract').sources).toEqual(['subject']);
    // "Plaintes ou retours d'information via les services d'assistances … remarques, suggestions,
    // témoignages"
    expect(dataOf('helpdesk')).toEqual(expect.arrayContaining(['support-request', 'feedback']));
    // The seed marks nothing mandatory and states no consequence of not providing data.
    for (const entry of loaded.policy.activities) {
      expect(entry.consequenceOfNotProviding, entry.id).toBeUndefined();
      for (const item of entry.data) expect(item.mandatory, `${entry.id} ${item.category}`).toBeUndefined();
    }
  });

  it('§3.2 website data "à travers des cookies" for statistics; the cookie page', () => {
    const website = activity('website-statistics');
    expect(website.subjects).toEqual(['website-visitor']);
    // "les pages visitées, sites web, quel navigateur vous utilisez, vos recherches sur internet à travers
    // des cookies …, et les données que vous entrez dans le site web"
    expect(dataOf('website-statistics')).toEqual(
      expect.arrayContaining([
        'browsing-behaviour',
        'user-agent',
        'cookie-identifier',
        'voluntary-information',
      ]),
    );
    const entered = website.data.find((item) => item.category === 'voluntary-information');
    expect(entered?.sources).toEqual(['web-form']);
    // "cela permet à The Invoice Managers d'avoir des statistiques"
    expect(website.purposes).toContain('statistics');
    expect(loaded.policy.cookies?.used).toBe(true);
    expect(loaded.policy.cookies?.policyUrl).toBe('https://theinvoicemanagers.com/fr/cookies/');
    // Categories and lifetimes are on that page, not in the seed.
    expect(loaded.policy.cookies?.categories).toEqual([]);
  });

  it('§3.3 third-party sources: public databases, social networks, Google Analytics, marketing agencies, public data', () => {
    expect(activity('marketing-and-service-improvement').sources).toEqual(
      expect.arrayContaining([
        'public-databases',
        'social-networks',
        'analytics-providers',
        'marketing-agencies',
        'publicly-available',
      ]),
    );
    expect(activity('website-statistics').sources).toContain('analytics-providers');
  });

  it('§4 purposes and legal bases, one activity per bullet', () => {
    // "La conclusion et l'exécution du contrat …: la souscription d'abonnement, la commande …, la création
    // d'un compte utilisateur, ainsi que la facturation, le suivi et l'encaissement de factures"
    expect(basesOf('customer-contract')).toEqual(['contract']);
    expect(activity('customer-contract').purposes).toEqual(
      expect.arrayContaining(['account-management', 'billing', 'receivables-management', 'debt-collection']),
    );
    // "La prestation de services;" and "Le helpdesk;" — no basis stated.
    expect(basesOf('service-provision')).toEqual(['not-stated']);
    expect(activity('service-provision').purposes).toEqual(['service-provision']);
    expect(basesOf('helpdesk')).toEqual(['not-stated']);
    expect(activity('helpdesk').purposes).toEqual(['customer-care']);
    // "L'amélioration des services et les intérêts légitimes commerciaux suivants: vous informer sur les
    // produits …, bulletins d'information; … améliorer la qualité de services, développer de nouveaux
    // produits …; … profils d'utilisation et des statistiques"
    expect(basesOf('marketing-and-service-improvement')).toEqual(['legitimate-interest']);
    expect(activity('marketing-and-service-improvement').purposes).toEqual(
      expect.arrayContaining([
        'direct-marketing',
        'newsletter',
        'promotional-offers',
        'service-improvement',
        'new-feature-development',
        'profiling-for-marketing',
        'statistics',
      ]),
    );
    expect(activity('marketing-and-service-improvement').subjects).toContain('prospect');
    // "Se conformer à la législation applicable et protéger les intérêts légitimes: … fraude …
    // réclamations …; garantir la sécurité des réseaux et systèmes."
    const compliance = activity('legal-compliance-and-security');
    expect(compliance.legalBases?.map((use) => [use.basis, use.purposes])).toEqual([
      ['legal-obligation', ['legal-compliance']],
      ['legitimate-interest', ['fraud-prevention', 'litigation-management', 'it-security']],
    ]);
    // "Autres finalités spécifiques pour lesquelles le consentement explicite peut être demandé."
    expect(basesOf('consent-based-purposes')).toEqual(['explicit-consent']);
    expect(activity('consent-based-purposes').purposes).toEqual(['x-consent-specific-purposes']);
    expect(loaded.taxonomy.purposes.get('x-consent-specific-purposes')?.dpv).toEqual(['dpv:Purpose']);
  });

  it('§5 sharing: group companies, partners and suppliers, business transfer, legal requirements', () => {
    for (const id of CONTROLLER_ACTIVITIES) {
      const recipients = activity(id).recipients;
      // "aux sociétés et filiales du même groupe"; "nos partenaires, fournisseurs ou autres employés";
      // "céder ou de transférer une partie ou la totalité de nos activités"; "respecter un(e) quelconque
      // loi, règlement ou exigence juridique"
      expect(recipients?.external, id).toEqual(
        expect.arrayContaining([
          'group-companies',
          'subsidiary',
          'partners',
          'suppliers',
          'business-transfer-parties',
          'authorities',
        ]),
      );
      expect(recipients?.internal, id).toContain('authorised-staff');
    }
    // As processor, no sharing with the group or buyers of the business on its own initiative.
    expect(activity('debtor-invoice-collection').recipients?.external).not.toContain('group-companies');
    expect(activity('debtor-invoice-collection').recipients?.external).not.toContain(
      'business-transfer-parties',
    );
    expect(loaded.policy.commitments).toEqual(
      expect.arrayContaining(['business-transfer-disclosure', 'disclosure-to-authorities']),
    );
    // No processor is named anywhere in the seed, hence no transfer outside the EEA either.
    expect(loaded.policy.processors).toEqual([]);
    for (const entry of loaded.policy.activities) expect(entry.processors, entry.id).toEqual([]);
  });

  it('§6 security: appropriate measures, limited access, no guarantee of absolute security', () => {
    // "prend les mesures techniques et organisationnelles appropriées …"; §1 "nous limitons l'accès"
    expect(loaded.policy.security.map((use) => [use.measure, use.applied])).toEqual([
      ['x-appropriate-technical-organisational-measures', true],
      ['need-to-know', true],
    ]);
    expect(
      loaded.taxonomy.securityMeasures.get('x-appropriate-technical-organisational-measures')?.cnil,
    ).toBe('other');
    // "ne peut garantir la sécurité absolue"; "prenez directement contact avec nous" on signs of abuse
    expect(loaded.policy.commitments).toEqual(
      expect.arrayContaining(['x-no-absolute-security-guarantee', 'x-report-security-concerns']),
    );
    expect(loaded.policy.certifications).toBeUndefined();
  });

  it('§6 breach: "vous informera immédiatement de l\'incident et des mesures prises"', () => {
    const breach = loaded.policy.breach;
    // "un incident de sécurité qui pourrait avoir des conséquences néfastes pour votre vie privée"
    expect(breach.notifySubjects).toEqual({
      when: 'possible-harm',
      timing: 'immediately',
      content: ['nature', 'measures'],
    });
    // Silent on the authority: Art 33's 72 hours apply.
    expect(breach.notifyAuthority.within).toBe('PT72H');
    expect(breach.documentAll).toBe(true);
  });

  it('§7 retention: "pendant la durée nécessaire …" — no period, hence no retention rule', () => {
    for (const entry of loaded.policy.activities) expect(entry.retention, entry.id).toEqual([]);
    // "ne conservons ces données pas plus longtemps que nécessaire et que légalement autorisé";
    // "(sauf si la législation impose une durée de conservation plus longue)"
    expect(loaded.policy.commitments).toContain('x-principle-storage-limitation');
    expect(loaded.taxonomy.commitments.get('x-principle-storage-limitation')?.dpv).toEqual([
      'eu-gdpr:StorageLimitationPrinciple',
    ]);
  });

  it('§8 rights: the six rights, written e-mail request, redacted ID, 30 days, excessive requests', () => {
    const rights = loaded.policy.rights;
    // "droit d'accès …, rectification …, effacement …, limitation …, portabilité …, opposition"
    for (const right of ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection']) {
      expect(rights.statements[right]?.available, right).toBe(true);
    }
    // "droit à l'effacement …, dès qu'il n'y a plus de motif légitime pour le traitement"
    expect(rights.statements.erasure?.reasons).toEqual(['art17-grounds-only']);
    // Not mentioned: post-mortem directives, withdrawal of consent as a listed right.
    expect(rights.postMortem).toBeUndefined();
    expect(rights.statements['post-mortem']).toBeUndefined();
    // "soumettre une demande écrite via l'adresse e-mail suivante: ." — the address is blank.
    expect(rights.channels).toEqual([{ kind: 'email' }]);
    // "une copie de votre carte d'identité sur laquelle vous avez couvert votre photo d'identité et votre
    // numéro de registre national"; "une réflexion en prenant en compte les différents intérêts"
    expect(rights.conditions).toEqual(
      expect.arrayContaining(['written-request', 'redacted-identity-document', 'x-interests-assessment']),
    );
    // "en principe dans un délai maximum de trente jours"
    expect(rights.responseTime).toBe('P30D');
    expect(rights.extension).toBeUndefined();
    // "peut facturer des frais raisonnables ou refuser la demande"
    expect(rights.fees).toEqual({ manifestlyUnfoundedOrExcessive: 'refuse-or-fee' });
    expect(rights.statements['withdraw-consent']).toBeUndefined();
    // The only per-activity statement: the seed names no way to withdraw the explicit consent of §4,
    // so Art 7(3) (to which "Conformément au GDPR" refers) is recorded on that activity alone.
    const overridden = loaded.policy.activities.filter((entry) => entry.rights !== undefined);
    expect(overridden.map((entry) => entry.id)).toEqual(['consent-based-purposes']);
    expect(Object.keys(activity('consent-based-purposes').rights ?? {})).toEqual(['withdraw-consent']);
    expect(activity('consent-based-purposes').rights?.['withdraw-consent']?.available).toBe(true);
    expect(activity('consent-based-purposes').legalBases?.[0]?.withdrawal).toBeUndefined();
  });

  it('§9 automated decisions: "ne recourt par principe pas à un traitement automatisé"; §4 usage profiles', () => {
    for (const entry of loaded.policy.activities) {
      expect(entry.automatedDecisions?.automatedDecisionMaking, entry.id).toBe(false);
    }
    // "Les données … peuvent être utilisés pour rédiger des profils d'utilisation … bulletins
    // d'information et promotions personnalisés"
    expect(activity('marketing-and-service-improvement').automatedDecisions).toEqual({
      automatedDecisionMaking: false,
      profiling: true,
      profilingPurposes: ['profiling-for-marketing', 'personalisation'],
      legalBasis: 'legitimate-interest',
    });
    const profiled = loaded.policy.activities.filter((entry) => entry.automatedDecisions?.profiling === true);
    expect(profiled.map((entry) => entry.id)).toEqual(['marketing-and-service-improvement']);
  });

  it('warnings: no retention period anywhere (§7), no legal basis for service provision and helpdesk (§4)', () => {
    const byCode = (code: string) => loaded.warnings.filter((issue) => issue.code === code);
    // "Nous conservons vos données pendant la durée nécessaire …": every activity lacks a rule.
    expect(byCode('activity-without-retention').map((issue) => issue.path)).toEqual(
      loaded.policy.activities.map((_entry, index) => `activities[${index}].retention`),
    );
    // "La prestation de services;" "Le helpdesk;" — listed under "Fondement juridique" with no basis.
    const indexOf = (id: string) => loaded.policy.activities.findIndex((entry) => entry.id === id);
    expect(byCode('legal-basis-not-stated').map((issue) => issue.path)).toEqual([
      `activities[${indexOf('service-provision')}].legalBases[0].basis`,
      `activities[${indexOf('helpdesk')}].legalBases[0].basis`,
    ]);
    for (const issue of loaded.warnings) {
      expect(issue.file).toBe(POLICY_FILE);
      expect(issue.line).toBeGreaterThan(0);
    }
    // Marketing on legitimate interest stays objectionable (§8 "droit d'opposition"); no transfer is
    // stated, so no transfer warning; consent can be withdrawn (Art 7(3)).
    const codes = new Set(loaded.warnings.map((issue) => issue.code));
    expect(codes).not.toContain('marketing-legitimate-interest-without-objection');
    expect(codes).not.toContain('privacy-shield-transfer');
    expect(codes).not.toContain('transfer-without-safeguard');
  });

  it('§1 and §2.2 commitments: principles, minimisation, confidentiality, no disclosure unless required', () => {
    expect(loaded.policy.commitments).toEqual(
      expect.arrayContaining([
        'minimisation',
        'confidentiality',
        'no-disclosure-unless-required',
        'x-principle-lawfulness-fairness-transparency',
        'x-principle-purpose-limitation',
        'x-principle-accuracy',
        'x-principle-integrity-confidentiality',
        // "En utilisant notre site web, apps et autres produits et services vous vous déclarez d'accord"
        'x-policy-applies-on-use',
      ]),
    );
    // Accepting by use is not a legal basis of any activity.
    for (const entry of loaded.policy.activities) {
      expect(basesOf(entry.id), entry.id).not.toContain('consent');
    }
  });
});
