/**
 * Seed 000 — Wolters Kluwer, « Fiche produit RGPD E-INVOICING »: the checklist of the seed's
 * clauses, asserted on the loaded policy. Each assertion quotes the clause it checks.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyOrThrow } from '../../src/policy/load-policy.ts';
import type { LoadedPolicy } from '../../src/policy/loaded-policy.ts';
import type { TActivity, TProcessor } from '../../src/policy/model.ts';

const POLICY_FILE = fileURLToPath(
  new URL('../../examples/seeds/000-e-invoicing/policy.yaml', import.meta.url),
);

let loaded: LoadedPolicy;

function activity(id: string): TActivity {
  const found = loaded.policy.activities.find((a) => a.id === id);
  if (found === undefined) throw new Error(`activity '${id}' is missing`);
  return found;
}

function processor(id: string): TProcessor {
  const found = loaded.policy.processors.find((p) => p.id === id);
  if (found === undefined) throw new Error(`processor '${id}' is missing`);
  return found;
}

function measure(id: string) {
  return loaded.policy.security.find((m) => m.measure === id);
}

function warningCodes(): string[] {
  return loaded.warnings.map((w) => w.code);
}

beforeAll(async () => {
  loaded = await loadPolicyOrThrow(POLICY_FILE);
});

describe('seed 000 — Wolters Kluwer E-Invoicing product sheet', () => {
  it('identifies the vendor, in French and English, with no date and no DPO', () => {
    const { organisation, policy } = loaded.policy;
    // « Wolters Kluwer s'efforce d'améliorer ses services… »; « FICHE PRODUIT RGPD E-INVOICING »
    expect(organisation.name).toBe('Wolters Kluwer');
    expect(organisation.brands).toContain('E-Invoicing');
    expect(organisation.languages).toEqual(['fr', 'en']);
    // The sheet states no date and names no DPO and no minimum age.
    expect(policy.date).toBeUndefined();
    expect(organisation.dpo).toBeUndefined();
    expect(organisation.minimumAge).toBeUndefined();
    // Sub-processors in Louvain, Hasselt, Zaventem: a Belgian product, Belgian authority.
    expect(organisation.supervisoryAuthority).toBe('apd-be');
    // « Le sous-traitant traitera … » and « nous collectons et analysons les données relatives à
    // leur utilisation » (own purposes): processor and controller.
    expect([...organisation.roles].sort()).toEqual(['controller', 'processor']);
  });

  it('§1–§4: e-invoicing is processed as processor for the customers, for finances', () => {
    const a = activity('e-invoicing');
    // « Le sous-traitant traitera exclusivement … aux fins du présent addendum »
    expect(a.role).toBe('processor');
    expect(a.controllers?.length).toBe(1);
    // « 1. Nature du traitement : Logiciel de facturation électronique. » « 4. Finalités : finances »
    expect(a.purposes).toContain('e-invoicing');
    // The controller chooses the basis; the sheet states none.
    expect(a.legalBases).toBeUndefined();
    // « Clients du responsable », « Travailleurs du responsable »
    expect([...a.subjects].sort()).toEqual(['controller-customer', 'controller-employee']);
    // « identité (nom, adresse, GSM, e-mail, date de naissance, plaque d'immatriculation, adresse
    // IP...) », « coordonnées (adresse, e-mail, adresse IP, IMEI...) »
    expect(a.data.map((d) => d.category).sort()).toEqual(
      [
        'date-of-birth',
        'email-address',
        'imei',
        'ip-address',
        'licence-plate',
        'name',
        'postal-address',
        'telephone-number',
      ].sort(),
    );
    // Nothing says which data is mandatory.
    expect(a.data.every((d) => d.mandatory === undefined)).toBe(true);
    expect(a.sources).toEqual(['customer']);
    // « 7. Sous-sous-traitants »: all four serve this processing.
    expect([...a.processors].sort()).toEqual(['codabox', 'intellifin', 'microsoft-azure', 'sendgrid']);
  });

  it('§4: product-usage analytics is a controller activity with no stated legal basis or retention', () => {
    const a = activity('product-usage-analytics');
    // « nous collectons et analysons les données relatives à leur utilisation » — for Wolters
    // Kluwer's own products, hence controller.
    expect(a.role).toBe('controller');
    // « Identifier et résoudre les problèmes techniques et les bogues », « Optimiser l'expérience
    // utilisateur et l'interface », « Développer de nouvelles fonctionnalités », « Effectuer une
    // analyse générale du produit »
    expect([...a.purposes].sort()).toEqual(
      ['bug-fixing', 'new-feature-development', 'product-analysis', 'ux-optimisation'].sort(),
    );
    expect(a.legalBases?.map((b) => b.basis)).toEqual(['not-stated']);
    expect(a.data.map((d) => d.category)).toEqual(['usage-data']);
    // §5 only covers the data entered by the customer.
    expect(a.retention).toEqual([]);
  });

  it('§5: entered data stays until the customer asks for its deletion', () => {
    // « Les données restent dans le système tant que le client ne demande pas leur suppression. »
    const rules = activity('e-invoicing').retention;
    expect(rules).toHaveLength(1);
    const [rule] = rules;
    expect(rule?.trigger).toBe('erasure-request');
    expect(rule?.duration).toBe('P0D');
    expect(rule?.endAction).toBe('delete');
    expect(rule?.archive).toBeUndefined();
    expect(rule?.legalHolds).toBeUndefined();
    expect(rule?.data).toHaveLength(8);
    // « … adaptera donc ces délais en fonction de la législation en vigueur. »
    expect(loaded.policy.commitments).toContain('adapt-retention-to-law');
  });

  it('§6: access control, accounts, lockout, time-out, encryption and firewalls are applied', () => {
    // « procédures de mot de passe avancées, time-out automatique et blocage en cas de mots de
    // passe erronés, comptes individuels avec historique, cryptage, pare-feu matériel et logiciel »
    for (const id of [
      'access-control',
      'password-policy',
      'session-timeout',
      'account-lockout',
      'individual-accounts',
      'firewall',
      'encryption-at-rest',
    ]) {
      expect(measure(id)?.applied, id).toBe(true);
    }
    // « administration des utilisateurs …, personnel formé …, séparation des systèmes
    // opérationnels et des environnements de test, … historiques d'utilisation, d'accès et
    // d'effacement »
    for (const id of [
      'authorisation-management',
      'staff-training',
      'environment-separation',
      'usage-logging',
    ]) {
      expect(measure(id)?.applied, id).toBe(true);
    }
  });

  it('§6: no pseudonymisation', () => {
    // « Pseudonymisation des données : Pas de pseudonymisation. »
    expect(measure('pseudonymisation')?.applied).toBe(false);
  });

  it('§6: resilience — separation of sensitive data, backups; physical protection provided by Azure', () => {
    // « séparation de données sensibles spécifiques, sauvegarde automatique »
    expect(measure('sensitive-data-separation')?.applied).toBe(true);
    expect(measure('backups')?.applied).toBe(true);
    // « Alimentation électrique ininterrompue, centres de données de secours sur différents
    // sites, systèmes de sécurité en cas d'incendie ou de dégâts des eaux … fournis par Azure »
    for (const id of [
      'uninterruptible-power',
      'redundant-datacentres',
      'fire-protection',
      'x-water-damage-protection',
    ]) {
      expect(measure(id)?.providedBy, id).toBe('microsoft-azure');
    }
    // The extension for water damage is a physical measure of the organisation's taxonomy.
    expect(loaded.taxonomy.securityMeasures.get('x-water-damage-protection')?.cnil).toBe('physical');
  });

  it('§6: regular security audits, ongoing evaluation and ISO/IEC 27001', () => {
    // « Nous effectuons des audits de sécurité sur une base régulière et systématique. »
    expect(measure('security-audits')?.applied).toBe(true);
    // « Le Sous-traitant évaluera les mesures techniques et organisationnelles au fil du temps »
    expect(loaded.policy.commitments).toContain('regular-security-evaluation');
    // « Certification disponible : Certification ISO/IEC 27001 »
    expect(loaded.policy.certifications).toEqual(['ISO/IEC 27001']);
    expect(measure('iso27001-certification')?.applied).toBe(true);
  });

  it('§7: CODABOX NV, Louvain — sending invoices for further processing', () => {
    // « CODABOX NV Romeinsestraat 10 3001 Louvain Envoi des factures à Codabox »
    const p = processor('codabox');
    expect(p.name).toBe('CODABOX NV');
    expect(p.role).toBe('sub-processor');
    expect(p.address).toMatchObject({
      street: 'Romeinsestraat 10',
      postalCode: '3001',
      city: 'Louvain',
      country: 'BE',
    });
    expect(p.country).toBe('BE');
    expect(p.services).toEqual(['e-invoicing-network']);
    expect(p.transfers).toEqual([]);
  });

  it('§7: Intellifin, Hasselt — financial dashboard', () => {
    // « Intellifin Genkersteenweg 388 3500 Hasselt Tableau de bord financier »
    const p = processor('intellifin');
    expect(p.address).toMatchObject({
      street: 'Genkersteenweg 388',
      postalCode: '3500',
      city: 'Hasselt',
      country: 'BE',
    });
    expect(p.country).toBe('BE');
    expect(p.services).toEqual(['financial-dashboard']);
    expect(p.transfers).toEqual([]);
  });

  it('§7–§8: Microsoft Azure, Zaventem — platform; possible transfer to the USA (Privacy Shield + EU standard contract)', () => {
    // « Microsoft Corporation (Azure) - Microsoft SA Da Vincilaan 3 1930 Zaventem Exécution du
    // contrat d'utilisation, de maintenance et de développement de la plateforme. »
    const p = processor('microsoft-azure');
    expect(p.entity).toBe('Microsoft SA');
    expect(p.address).toMatchObject({
      street: 'Da Vincilaan 3',
      postalCode: '1930',
      city: 'Zaventem',
      country: 'BE',
    });
    expect([...p.services].sort()).toEqual(['cloud-platform', 'hosting', 'maintenance-development']);
    // « peuvent éventuellement être transférées par Microsoft aux États-Unis dans le cadre du
    // Bouclier de protection des données UE-États-Unis, avec protection par conclusion d'un
    // contrat-type de l'UE »
    expect(p.transfers).toHaveLength(1);
    expect(p.transfers[0]?.country).toBe('US');
    expect([...(p.transfers[0]?.safeguards ?? [])].sort()).toEqual(['privacy-shield', 'scc']);
  });

  it('§7: Sendgrid, London — e-mail services, no safeguard named', () => {
    // « Sendgrid 41 Corsham St London N1 6DR Fournisseur de services de messagerie électronique »
    const p = processor('sendgrid');
    expect(p.address).toMatchObject({
      street: '41 Corsham St',
      postalCode: 'N1 6DR',
      city: 'London',
      country: 'GB',
    });
    expect(p.country).toBe('GB');
    expect(p.services).toEqual(['email-delivery']);
    expect(p.transfers.flatMap((t) => t.safeguards)).toEqual(['not-stated']);
  });

  it('rights, breaches, cookies, automated decisions: the sheet states none', () => {
    const { rights, breach, cookies, activities } = loaded.policy;
    expect(rights.statements).toEqual({});
    expect(rights.postMortem).toBeUndefined();
    expect(rights.complaint.authority).toBe('apd-be');
    expect(rights.complaint.contact).toBeUndefined();
    // Only the legal default of Art 33 remains.
    expect(breach.notifyAuthority.within).toBe('PT72H');
    expect(breach.notifySubjects).toBeUndefined();
    expect(cookies).toBeUndefined();
    expect(activities.every((a) => a.automatedDecisions === undefined)).toBe(true);
  });

  it('raises the warnings this seed deserves', () => {
    // The Privacy Shield is listed next to standard clauses: a warning pointing at it.
    const shield = loaded.warnings.filter((w) => w.code === 'privacy-shield-transfer');
    expect(shield).toHaveLength(1);
    const azure = loaded.policy.processors.findIndex((p) => p.id === 'microsoft-azure');
    expect(shield[0]?.path).toBe(`processors[${azure}].transfers[0].safeguards[0]`);
    // No legal basis stated for the usage analytics.
    const analytics = loaded.policy.activities.findIndex((a) => a.id === 'product-usage-analytics');
    const noBasis = loaded.warnings.filter((w) => w.code === 'legal-basis-not-stated');
    expect(noBasis.map((w) => w.path)).toEqual([`activities[${analytics}].legalBases[0].basis`]);
    // §5 gives no retention for the usage data.
    const noRetention = loaded.warnings.filter((w) => w.code === 'activity-without-retention');
    expect(noRetention.map((w) => w.path)).toEqual([`activities[${analytics}].retention`]);
    // The processor activity names its controllers.
    expect(warningCodes()).not.toContain('processor-activity-without-controller');
    // Sendgrid's London processing names no safeguard, but the United Kingdom is covered by an
    // adequacy decision: no transfer warning.
    expect(warningCodes()).not.toContain('transfer-without-safeguard');
  });
});
