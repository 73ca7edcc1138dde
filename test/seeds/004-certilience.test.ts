/**
 * Seed 004 — Certilience, « ANNEXE : TRAITEMENTS DES DONNEES A CARACTERE PERSONNEL »: the
 * checklist of the seed's clauses, asserted on the loaded policy. Each assertion quotes the
 * clause it checks.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyOrThrow } from '../../src/policy/load-policy.ts';
import type { LoadedPolicy } from '../../src/policy/loaded-policy.ts';
import type { TActivity, TRetentionRule } from '../../src/policy/model.ts';

const POLICY_FILE = fileURLToPath(
  new URL('../../examples/seeds/004-certilience/policy.yaml', import.meta.url),
);

const ART2_INTERNAL = [
  'administrative-services',
  'customer-relations',
  'it-department',
  'line-managers',
  'logistics',
  'marketing-department',
  'sales-department',
];

let loaded: LoadedPolicy;

function activity(id: string): TActivity {
  const found = loaded.policy.activities.find((a) => a.id === id);
  if (found === undefined) throw new Error(`activity '${id}' is missing`);
  return found;
}

function onlyRule(activityId: string): TRetentionRule {
  const rules = activity(activityId).retention;
  expect(rules, activityId).toHaveLength(1);
  const [rule] = rules;
  if (rule === undefined) throw new Error(`activity '${activityId}' has no retention rule`);
  return rule;
}

function bases(activityId: string): string[] {
  return (activity(activityId).legalBases ?? []).map((b) => b.basis);
}

function sorted(values: readonly string[] | undefined): string[] {
  return [...(values ?? [])].sort();
}

beforeAll(async () => {
  loaded = await loadPolicyOrThrow(POLICY_FILE);
});

describe('seed 004 — Certilience personal-data annex', () => {
  it('identifies Certilience, the CNIL, the languages and the 20 June 2018 update', () => {
    const { organisation, policy } = loaded.policy;
    expect(organisation.name).toBe('CERTILIENCE');
    expect(organisation.supervisoryAuthority).toBe('cnil');
    expect(organisation.languages).toEqual(['fr', 'en']);
    // « Mise à jour du 20 juin 2018 »
    expect(policy.date).toBe('2018-06-20');
    // No DPO, no minimum age in the annex.
    expect(organisation.dpo).toBeUndefined();
    expect(organisation.minimumAge).toBeUndefined();
    expect(sorted(organisation.roles)).toEqual(['controller', 'processor']);
  });

  it('Art 1: the five processing activities', () => {
    expect(sorted(loaded.policy.activities.map((a) => a.id))).toEqual(
      sorted([
        'customer-relationship',
        'commercial-prospecting',
        'awareness-training',
        'customer-file-exchange',
        'connection-logs',
      ]),
    );
  });

  it('Art 1: identity and contact data, some mandatory, else no contract', () => {
    const a = activity('customer-relationship');
    // « nom, prénom, adresse email, adresses postale, fonction, collaborateurs à contacter, etc.
    // ainsi que toutes autres informations que vous pouvez nous fournir »
    expect(sorted(a.data.map((d) => d.category))).toEqual(
      sorted([
        'name',
        'email-address',
        'postal-address',
        'job-title',
        'professional-contacts',
        'voluntary-information',
      ]),
    );
    // « Certaines informations sont nécessairement à fournir »
    expect(a.data.some((d) => d.mandatory === true)).toBe(true);
    expect(a.data.find((d) => d.category === 'voluntary-information')?.mandatory).toBe(false);
    // « A défaut …, CERTILIENCE ne pourra pas contracter avec le Client »
    expect(a.consequenceOfNotProviding).toBe('no-contract');
  });

  it('Art 1: customer relationship on contract and legitimate interest', () => {
    const a = activity('customer-relationship');
    expect(a.role).toBe('controller');
    // « contrats, commandes, livraisons, factures, comptabilité, … recouvrement, … enquêtes de
    // satisfaction, … amélioration des services proposés »
    for (const purpose of [
      'billing',
      'accounting',
      'debt-collection',
      'customer-satisfaction-survey',
      'service-improvement',
    ]) {
      expect(a.purposes, purpose).toContain(purpose);
    }
    // « la nécessité d'exécuter ses obligations contractuelles ainsi qu'en raison de l'intérêt
    // légitime de CERTILIENCE d'améliorer sa relation client et la qualité des services »
    expect(sorted(bases('customer-relationship'))).toEqual(['contract', 'legitimate-interest']);
    const interest = a.legalBases?.find((b) => b.basis === 'legitimate-interest');
    expect(interest?.interest?.fr).toMatch(/relation client/);
  });

  it('Art 1: prospecting on legitimate interest, objection at any time', () => {
    const a = activity('commercial-prospecting');
    // « son intérêt légitime à réaliser des opérations de prospection commerciale auprès de ses
    // clients existants »
    expect(a.role).toBe('controller');
    expect(a.purposes).toContain('direct-marketing');
    expect(a.purposes).toContain('objection-list-management');
    expect(bases('commercial-prospecting')).toEqual(['legitimate-interest']);
    expect(a.subjects).toEqual(['customer']);
    // « Le Client pourra s'opposer à tout moment à la prospection commerciale »
    expect(a.rights?.['objection-direct-marketing']?.available).toBe(true);
    expect(a.rights?.['objection-direct-marketing']?.conditions).toBeUndefined();
  });

  it('Art 1: awareness and training as a service at the customer’s request (processor)', () => {
    const a = activity('awareness-training');
    // « au travers de nos plateformes de phishing et de eLearning … prestations de service à la
    // demande du Client »
    expect(a.role).toBe('processor');
    expect(a.controllers?.length).toBe(1);
    expect(a.purposes).toEqual(['security-awareness-training']);
    expect(a.subjects).toEqual(['trainee']);
    expect(a.sources).toEqual(['customer']);
  });

  it('Art 1: file transfer, rental or exchange only with prior, withdrawable consent', () => {
    const a = activity('customer-file-exchange');
    // « avec des sociétés du même groupe ou des partenaires commerciaux si et seulement si le
    // Client a donné au préalable son consentement »
    expect(a.purposes).toEqual(['data-sharing-with-partners']);
    expect(bases('customer-file-exchange')).toEqual(['consent']);
    expect(a.recipients?.external).toEqual(expect.arrayContaining(['group-companies', 'partners']));
    // « le Client pourra retirer son consentement à tout moment »
    expect(a.rights?.['withdraw-consent']?.available).toBe(true);
  });

  it('Art 1: connection and identification logs on legal obligation', () => {
    const a = activity('connection-logs');
    // « ces opérations se justifiant pour CERTILIENCE par l'obligation de respecter la loi »
    expect(a.purposes).toEqual(['log-retention-obligation']);
    expect(bases('connection-logs')).toEqual(['legal-obligation']);
    expect(a.data.map((d) => d.category)).toEqual(['connection-log']);
  });

  it('Art 2: internal departments, processors’ and subsidiary staff; justice auxiliaries for debt recovery', () => {
    // « le personnel habilité du service marketing, du service commercial, des services chargés
    // de traiter la relation client et la prospection, des services administratifs, des services
    // logistiques et informatiques ainsi que leurs responsables hiérarchiques »
    for (const a of loaded.policy.activities) {
      expect(sorted(a.recipients?.internal), a.id).toEqual(ART2_INTERNAL);
      // « le personnel de nos sous-traitants, le personnel de notre filiale »
      expect(a.recipients?.external, a.id).toEqual(
        expect.arrayContaining(['processors-staff', 'subsidiary']),
      );
    }
    // « les organismes, les auxiliaires de justice et les officiers ministériels, dans le cadre de
    // leur mission de recouvrement de créances »
    const withJustice = loaded.policy.activities.filter((a) =>
      a.recipients?.external.includes('justice-auxiliaries'),
    );
    expect(withJustice.map((a) => a.id)).toEqual(['customer-relationship']);
    expect(activity('customer-relationship').purposes).toContain('debt-collection');
  });

  it('Art 3: processing within the European Union, no transfer, no named processor', () => {
    // « CERTILIENCE effectue ses traitements de données personnelles au sein de l'Union européenne. »
    expect(loaded.policy.commitments).toContain('data-processed-in-eu');
    expect(loaded.policy.processors).toEqual([]);
  });

  it('Art 4: customer data — contract, then 3 years active, then archive to the 5-year limitation', () => {
    // « conservées pendant toute la durée de la relation contractuelle. Au-delà, … conservées
    // activement pendant trois ans à compter de la fin de la relation contractuelle et pourront
    // être archivées … jusqu'à ce que la date de prescription intervienne (… cinq ans en droit civil) »
    const rule = onlyRule('customer-relationship');
    expect(rule.trigger).toBe('end-of-contract');
    expect(rule.duration).toBe('P3Y');
    expect(rule.archive?.duration).toBe('P5Y');
    expect(rule.archive?.from).toBe('trigger');
    expect(rule.archive?.reason).toBe('limitation-period');
    expect(rule.endAction).toBe('delete');
  });

  it('Art 4: prospecting and file exchange — 3 years from collection or last contact, then a renewal request', () => {
    // « conservées pendant une durée de trois ans à compter de leur collecte ou du dernier contact
    // émanant du Client. Au terme de ce délai, CERTILIENCE pourra reprendre contact avec le Client »
    for (const id of ['commercial-prospecting', 'customer-file-exchange']) {
      const rule = onlyRule(id);
      expect(rule.trigger, id).toBe('last-contact-from-subject');
      expect(rule.duration, id).toBe('P3Y');
      expect(rule.renewalRequest, id).toBe(true);
      expect(rule.archive, id).toBeUndefined();
      expect(rule.endAction, id).toBe('delete');
    }
    // Consent withdrawn ends the file exchange (« retirer son consentement à tout moment »).
    expect(onlyRule('customer-file-exchange').endsEarlierOn).toEqual(['consent-withdrawal']);
  });

  it('Art 4: training data — duration of the service, then returned to the customer and destroyed', () => {
    // « conservées pendant toute la durée de la prestation. En fin de prestation, elles seront
    // restituées au Client, et détruites. »
    const rule = onlyRule('awareness-training');
    expect(rule.trigger).toBe('end-of-service');
    expect(rule.duration).toBe('P0D');
    expect(rule.endAction).toBe('return-and-delete');
  });

  it('Art 1 and 4: logs kept 12 months', () => {
    // « pendant une période de 12 mois »; « seront conservées 12 mois »
    const rule = onlyRule('connection-logs');
    expect(rule.duration).toBe('P12M');
    expect(rule.data).toEqual(['connection-log']);
    expect(rule.endAction).toBe('delete');
  });

  it('Art 5: the six rights', () => {
    const { statements } = loaded.policy.rights;
    // « Droit d'accès », « de rectification », « à l'effacement », « à la limitation », « à la
    // portabilité », « d'opposition »
    for (const right of ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection']) {
      expect(statements[right]?.available, right).toBe(true);
    }
    // « suppression … lorsque celles-ci ne sont plus nécessaires aux fins pour lesquelles elles
    // ont été initialement recueillies »
    expect(statements.erasure?.reasons).toEqual(['art17-grounds-only']);
    // No limit on the others.
    for (const right of ['access', 'rectification', 'restriction', 'portability', 'objection']) {
      expect(statements[right]?.reasons, right).toBeUndefined();
    }
    // Nothing on post-mortem directives, fees or a response time.
    expect(loaded.policy.rights.postMortem).toBeUndefined();
    expect(loaded.policy.rights.responseTime).toBeUndefined();
  });

  it('Art 5: complaint to the CNIL at the address the annex gives', () => {
    // « la CNIL 8 rue Vivienne, CS 30223 F-75002 Paris, Cedex 02 Tél. +33 1 53 73 22 22 Fax +33 1
    // 53 73 22 00 Site web: http://www.cnil.fr/ »
    const { complaint } = loaded.policy.rights;
    expect(complaint.authority).toBe('cnil');
    expect(complaint.contact?.address).toEqual({
      street: '8 rue Vivienne',
      extra: ['CS 30223', 'Cedex 02'],
      postalCode: '75002',
      city: 'Paris',
      country: 'FR',
    });
    expect(complaint.contact?.phone).toBe('+33 1 53 73 22 22');
    expect(complaint.contact?.fax).toBe('+33 1 53 73 22 00');
    expect(complaint.contact?.website).toBe('http://www.cnil.fr/');
  });

  it('no security measure, breach commitment, cookie or automated decision in the annex', () => {
    const { security, breach, cookies, activities, certifications } = loaded.policy;
    expect(security).toEqual([]);
    expect(certifications).toBeUndefined();
    expect(breach.notifyAuthority.within).toBe('PT72H');
    expect(breach.notifySubjects).toBeUndefined();
    expect(cookies).toBeUndefined();
    expect(activities.every((a) => a.automatedDecisions === undefined)).toBe(true);
  });

  it('raises no warning on legal bases, consent withdrawal, objection, transfers or retention', () => {
    // Every activity states its basis and its retention, consent can be withdrawn, prospecting
    // can be objected to, and nothing leaves the EU.
    const codes = loaded.warnings.map((w) => w.code);
    for (const code of [
      'legal-basis-not-stated',
      'consent-without-withdrawal',
      'marketing-legitimate-interest-without-objection',
      'privacy-shield-transfer',
      'transfer-without-safeguard',
      'processor-activity-without-controller',
      'activity-without-retention',
    ]) {
      expect(codes, code).not.toContain(code);
    }
  });
});
