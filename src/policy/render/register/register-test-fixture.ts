/**
 * Test support for the register and DPV export tests: small policies built with `ZPolicy.parse`
 * and loaded against the built-in taxonomy. Not imported by production code.
 */
import type { LoadedPolicy } from '../../loaded-policy.ts';
import { type TPolicyInput, ZPolicy } from '../../model.ts';
import { loadBuiltinTaxonomy } from '../../taxonomy/load-taxonomy.ts';
import type { Taxonomy } from '../../taxonomy/types.ts';

/** A LoadedPolicy from a policy input, checked by the schema, with the built-in taxonomy. */
export function loadFixture(input: TPolicyInput, taxonomy: Taxonomy = loadBuiltinTaxonomy()): LoadedPolicy {
  return { file: 'fixture.yaml', policy: ZPolicy.parse(input), taxonomy, warnings: [] };
}

const RIGHTS_AND_BREACH = {
  rights: {
    statements: {
      access: { available: true },
      erasure: { available: true },
      restriction: { available: false, reasons: ['legal-claims'] },
    },
    channels: [{ kind: 'email', value: 'privacy@acme.example' }],
    complaint: { authority: 'cnil' },
  },
  breach: { notifyAuthority: {} },
} satisfies Partial<TPolicyInput>;

/**
 * A policy acting both as controller (two activities, one of them with hostile text for the
 * escaping tests) and as processor (one activity for its customers).
 */
export function richPolicy(): TPolicyInput {
  return {
    registre: 1,
    organisation: {
      id: 'acme',
      name: 'Acme, "Le Test"',
      legalForm: 'SAS',
      registration: 'RCS Paris 123 456 789',
      contact: {
        email: 'contact@acme.example',
        phone: '+33 1 23 45 67 89',
        address: { street: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
      },
      dpo: { name: 'Jeanne Martin', email: 'dpo@acme.example' },
      supervisoryAuthority: 'cnil',
      languages: ['fr', 'en'],
      roles: ['controller', 'processor'],
    },
    policy: { version: '2.1', date: '2025-03-01' },
    processors: [
      {
        id: 'cloudy',
        name: 'Cloudy Inc.',
        country: 'US',
        role: 'processor',
        services: ['hosting'],
        transfers: [{ country: 'US', safeguards: ['scc', 'privacy-shield'] }],
        contract: true,
      },
      {
        id: 'mailer',
        name: 'Mailer Ltd',
        address: { street: '41 Corsham St', postalCode: 'N1 6DR', city: 'London', country: 'GB' },
        country: 'GB',
        role: 'sub-processor',
        services: ['email-delivery'],
      },
    ],
    activities: [
      {
        id: 'prospecting',
        name: { fr: 'Prospection commerciale', en: 'Direct marketing' },
        role: 'controller',
        purposes: ['direct-marketing'],
        legalBases: [
          {
            basis: 'legitimate-interest',
            interest: { fr: 'Développer notre clientèle', en: 'Grow our customer base' },
          },
        ],
        subjects: ['prospect'],
        data: [{ category: 'name' }, { category: 'email-address' }, { category: 'national-id-number' }],
        sources: ['subject'],
        recipients: { internal: ['marketing-department'], external: [] },
        processors: ['mailer', 'cloudy'],
        retention: [
          {
            id: 'prospects',
            label: { fr: 'Données des prospects', en: 'Prospect data' },
            data: ['name', 'email-address'],
            trigger: 'last-contact-from-subject',
            duration: 'P3Y',
            endAction: 'delete',
          },
        ],
        software: ['CRM "Pro", v2'],
        createdOn: '2024-01-15',
        updatedOn: '2025-02-01',
      },
      {
        id: 'hostile',
        name: { fr: '<script>alert("x")</script> & co,\nligne 2', en: '<b>Hostile</b> & co' },
        role: 'controller',
        purposes: ['statistics'],
        legalBases: [{ basis: 'consent' }],
        subjects: ['user'],
        data: [{ category: 'ip-address' }],
        sources: ['generated'],
        software: ['=HYPERLINK("http://evil.example")', '+cmd', '-2', '@SUM(A1)'],
        retention: [
          {
            id: 'logs',
            label: { fr: 'Journaux', en: 'Logs' },
            data: ['ip-address'],
            trigger: 'end-of-contract',
            duration: 'P1Y',
            endAction: 'delete',
            archive: { duration: 'P5Y', from: 'trigger', reason: 'limitation-period' },
          },
        ],
      },
      {
        id: 'e-invoicing',
        name: { fr: 'Facturation électronique', en: 'E-invoicing' },
        role: 'processor',
        controllers: [
          {
            name: { fr: 'Chaque client sous son contrat', en: 'Each customer under its contract' },
            contact: { email: 'client@customer.example' },
          },
        ],
        purposes: ['e-invoicing'],
        subjects: ['controller-customer'],
        data: [{ category: 'name' }, { category: 'invoice' }],
        sources: ['customer'],
        processors: ['cloudy'],
        retention: [
          {
            id: 'invoices',
            label: { fr: 'Factures', en: 'Invoices' },
            data: ['name', 'invoice'],
            trigger: 'end-of-service',
            duration: 'P0D',
            endAction: 'return-and-delete',
          },
        ],
      },
    ],
    security: [
      { measure: 'access-control' },
      { measure: 'encryption-at-rest', providedBy: 'cloudy' },
      { measure: 'pseudonymisation', applied: false },
    ],
    certifications: ['ISO/IEC 27001'],
    ...RIGHTS_AND_BREACH,
  };
}

/** The least a policy can say: one controller activity, no DPO, no recipients, no retention, no security. */
export function sparsePolicy(): TPolicyInput {
  return {
    registre: 1,
    organisation: {
      id: 'sparse-org',
      name: 'Sparse',
      contact: {},
      supervisoryAuthority: 'cnil',
      languages: ['fr'],
      roles: ['controller', 'processor'],
    },
    policy: { version: '1' },
    activities: [
      {
        id: 'bare',
        name: { fr: 'Traitement minimal' },
        role: 'controller',
        purposes: ['statistics'],
        subjects: ['user'],
        data: [{ category: 'ip-address' }],
        sources: ['generated'],
      },
      {
        id: 'bare-processing',
        name: { fr: 'Sous-traitance minimale' },
        role: 'processor',
        purposes: ['e-invoicing'],
        subjects: ['controller-customer'],
        data: [{ category: 'invoice' }],
        sources: ['customer'],
      },
    ],
    ...RIGHTS_AND_BREACH,
  };
}
