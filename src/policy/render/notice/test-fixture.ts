/**
 * Test support shared by the notice, retention-words and diff tests: the built-in taxonomy
 * with one organisation extension, and a policy that exercises every section of the notice.
 * Not imported by production code.
 */
import type { LoadedPolicy } from '../../loaded-policy.ts';
import { type TPolicyInput, ZPolicy } from '../../model.ts';
import { extendTaxonomy, loadBuiltinTaxonomy } from '../../taxonomy/load-taxonomy.ts';
import type { Taxonomy } from '../../taxonomy/types.ts';

/** The built-in taxonomy plus an organisation-defined trigger event (`x-end-of-warranty`). */
export function testTaxonomy(): Taxonomy {
  const { taxonomy, issues } = extendTaxonomy(
    loadBuiltinTaxonomy(),
    {
      triggerEvents: [
        {
          id: 'x-end-of-warranty',
          label: { fr: 'Fin de la garantie', en: 'End of warranty' },
          dpv: ['dpv:UntilEventDuration'],
        },
      ],
    },
    'test-fixture',
  );
  if (issues.length > 0) throw new Error(issues.map((i) => i.message).join('; '));
  return taxonomy;
}

/** A LoadedPolicy from a policy object, validated with the model schema. */
export function loadedFrom(input: TPolicyInput, taxonomy: Taxonomy = testTaxonomy()): LoadedPolicy {
  return { file: 'test-policy.yaml', policy: ZPolicy.parse(input), taxonomy, warnings: [] };
}

const fr = (text: string, en: string) => ({ fr: text, en });

/** A policy that uses every part of the model the notice shows. Returns a fresh object each call. */
export function fullPolicyInput(): TPolicyInput {
  return {
    registre: 1,
    organisation: {
      id: 'acme',
      name: 'Acme Logiciels',
      legalForm: 'SAS',
      registration: 'RCS Paris 123 456 789',
      brands: ['Acme Cloud'],
      websites: ['https://www.acme.example'],
      contact: {
        email: 'contact@acme.example',
        phone: '+33 1 23 45 67 89',
        address: { street: '10 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
      },
      group: {
        name: 'Groupe Exemple',
        contact: { address: { street: 'Motstraat 30', postalCode: '2800', city: 'Mechelen', country: 'BE' } },
      },
      dpo: { name: 'Jeanne Martin', email: 'dpo@acme.example', phone: '+33 1 98 76 54 32' },
      supervisoryAuthority: 'cnil',
      languages: ['fr', 'en'],
      minimumAge: 16,
      roles: ['controller', 'processor'],
    },
    policy: {
      version: '2.1',
      date: '2025-03-14',
      title: fr('Politique de confidentialité', 'Privacy notice'),
      url: 'https://www.acme.example/confidentialite',
      changeNotification: ['changes-by-email'],
    },
    processors: [
      {
        id: 'ovh',
        name: 'OVHcloud',
        country: 'FR',
        role: 'processor',
        services: ['hosting'],
        contract: true,
      },
      {
        id: 'zoom',
        name: 'Zoom',
        entity: 'Zoom Video Communications, Inc.',
        country: 'US',
        role: 'processor',
        services: ['webinar'],
        serviceDetails: fr('Organisation de nos webinaires', 'Hosting our webinars'),
        transfers: [{ country: 'US', safeguards: ['scc'] }],
      },
      {
        id: 'azure',
        name: 'Microsoft Azure',
        country: 'EEA',
        role: 'sub-processor',
        services: ['cloud-platform'],
        transfers: [{ country: 'US', safeguards: ['privacy-shield'], by: 'Microsoft Corporation' }],
      },
      {
        id: 'sendgrid',
        name: 'Sendgrid',
        country: 'US',
        role: 'processor',
        services: ['email-delivery'],
        transfers: [{ country: 'US', safeguards: ['not-stated'] }],
      },
    ],
    activities: [
      {
        id: 'customers',
        name: fr('Gestion des clients', 'Customer management'),
        description: fr(
          'Gestion de vos abonnements et de vos factures.',
          'Managing your subscriptions and invoices.',
        ),
        role: 'controller',
        purposes: ['account-management', 'billing'],
        purposeDetails: [fr('Suivi des commandes et des livraisons', 'Following up orders and deliveries')],
        legalBases: [{ basis: 'contract' }, { basis: 'legal-obligation', purposes: ['billing'] }],
        subjects: ['customer'],
        data: [
          { category: 'name', mandatory: true },
          { category: 'email-address', mandatory: true },
          { category: 'bank-account', mandatory: false, sources: ['subject'] },
        ],
        sources: ['subject', 'web-form'],
        consequenceOfNotProviding: 'no-contract',
        mandatoryIndicator: 'asterisk',
        recipients: {
          internal: ['sales-department', 'finance-department'],
          external: ['justice-auxiliaries'],
        },
        processors: ['ovh', 'azure'],
        retention: [
          {
            id: 'customer-data',
            label: fr('Données des clients', 'Customer data'),
            data: ['name', 'email-address'],
            trigger: 'end-of-contract',
            duration: 'P3Y',
            archive: { duration: 'P5Y', from: 'trigger', reason: 'limitation-period' },
            endAction: 'delete',
          },
          {
            id: 'bank-data',
            label: fr('Données bancaires', 'Bank data'),
            data: ['bank-account'],
            trigger: 'transaction',
            duration: 'P0D',
            longerWithConsent: true,
            archive: { duration: 'P13M', trigger: 'debit-date', reason: 'payment-proof' },
            endAction: 'delete',
          },
        ],
        security: ['encryption-at-rest'],
        rights: { portability: { available: true, reasons: ['provided-data-only'] } },
      },
      {
        id: 'prospects',
        name: fr('Prospection commerciale', 'Direct marketing'),
        role: 'controller',
        purposes: ['direct-marketing', 'newsletter'],
        legalBases: [
          {
            basis: 'legitimate-interest',
            interest: fr(
              'Faire connaître nos offres à nos clients',
              'Telling our customers about our offers',
            ),
            balancingTest: true,
            purposes: ['direct-marketing'],
          },
          { basis: 'consent', withdrawal: ['unsubscribe-link'], purposes: ['newsletter'] },
        ],
        subjects: ['prospect', 'newsletter-subscriber'],
        data: [{ category: 'name' }, { category: 'email-address', mandatory: true }],
        sources: ['subject', 'data-brokers'],
        processors: ['sendgrid'],
        retention: [
          {
            id: 'prospect-data',
            label: fr('Données des prospects', 'Prospect data'),
            data: ['name', 'email-address'],
            trigger: 'last-contact-from-subject',
            duration: 'P3Y',
            renewalRequest: true,
            endAction: 'delete',
          },
          {
            id: 'newsletter',
            label: fr('Abonnement à la newsletter', 'Newsletter subscription'),
            data: ['email-address'],
            trigger: 'consent-withdrawal',
            duration: 'P0D',
            endAction: 'delete',
          },
        ],
        automatedDecisions: {
          automatedDecisionMaking: false,
          profiling: true,
          profilingPurposes: ['profiling-for-marketing'],
          legalBasis: 'explicit-consent',
          logic: fr('Segmentation selon les produits consultés.', 'Segmentation by the products viewed.'),
        },
      },
      {
        id: 'webinars',
        name: fr('Webinaires', 'Webinars'),
        role: 'controller',
        purposes: ['webinar-management'],
        legalBases: [{ basis: 'contract' }],
        subjects: ['webinar-participant'],
        data: [{ category: 'name' }, { category: 'email-address' }, { category: 'webinar-recording' }],
        sources: ['subject'],
        processors: ['zoom'],
        retention: [
          {
            id: 'webinar-data',
            label: fr('Inscriptions aux webinaires', 'Webinar registrations'),
            data: ['name', 'email-address'],
            trigger: 'collection',
            duration: 'P3Y',
            endsEarlierOn: ['erasure-request'],
            endAction: 'delete',
          },
        ],
      },
      {
        id: 'logs',
        name: fr('Journaux techniques', 'Technical logs'),
        role: 'controller',
        purposes: ['it-security', 'log-retention-obligation'],
        legalBases: [{ basis: 'legal-obligation' }],
        subjects: ['user'],
        data: [{ category: 'ip-address' }, { category: 'connection-log' }],
        sources: ['generated'],
        processors: ['ovh'],
        retention: [
          {
            id: 'technical-logs',
            label: fr('Journaux techniques', 'Technical logs'),
            data: ['ip-address', 'connection-log'],
            trigger: 'record-creation',
            duration: 'P6M',
            maximum: true,
            endAction: 'delete',
          },
        ],
        automatedDecisions: { automatedDecisionMaking: false, profiling: false },
      },
      {
        id: 'e-invoicing',
        name: fr('Facturation électronique pour nos clients', 'E-invoicing for our customers'),
        role: 'processor',
        controllers: [{ name: fr('Chacun de nos clients', 'Each of our customers') }],
        purposes: ['e-invoicing'],
        subjects: ['controller-customer'],
        data: [{ category: 'name' }, { category: 'invoice' }],
        sources: ['customer'],
        processors: ['azure'],
        retention: [
          {
            id: 'invoices-as-processor',
            label: fr('Factures saisies', 'Invoices entered'),
            data: ['invoice'],
            trigger: 'erasure-request',
            duration: 'P0D',
            endAction: 'return-and-delete',
          },
        ],
      },
    ],
    security: [
      { measure: 'access-control' },
      { measure: 'encryption-in-transit', details: fr('TLS 1.2 ou supérieur', 'TLS 1.2 or later') },
      { measure: 'pseudonymisation', applied: false },
      { measure: 'backups', providedBy: 'ovh' },
    ],
    certifications: ['ISO/IEC 27001'],
    rights: {
      statements: {
        access: { available: true, conditions: ['identity-document-copy'] },
        rectification: { available: true },
        erasure: { available: true, reasons: ['legal-obligation'] },
        restriction: {
          available: false,
          reasons: ['lawful-and-necessary-for-contract'],
          note: fr(
            'Toutes les données sont nécessaires au contrat.',
            'All the data is needed for the contract.',
          ),
        },
        portability: { available: true, reasons: ['provided-data-only'] },
        objection: { available: true },
        'objection-direct-marketing': { available: true },
        'withdraw-consent': { available: true },
        'post-mortem': { available: true },
      },
      channels: [
        { kind: 'email', value: 'dpo@acme.example' },
        {
          kind: 'postal',
          address: { street: '10 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
        },
      ],
      conditions: ['identity-verification'],
      extension: 'P2M',
      fees: { additionalCopies: 'reasonable-fee', manifestlyUnfoundedOrExcessive: 'refuse-or-fee' },
      postMortem: {
        available: true,
        channels: [{ kind: 'email', value: 'dpo@acme.example' }],
        conditions: ['signed-identity-document-copy'],
      },
      complaint: { authority: 'cnil', contactControllerFirst: true },
    },
    breach: {
      notifyAuthority: { within: 'PT72H' },
      notifySubjects: {
        when: 'high-risk-unless-protected',
        content: ['nature', 'measures', 'recommendations'],
      },
      notifyControllerAsProcessor: true,
    },
    cookies: {
      used: true,
      policyUrl: 'https://www.acme.example/cookies',
      categories: [
        {
          id: 'necessary',
          label: fr('Cookies nécessaires', 'Necessary cookies'),
          consent: false,
          purposes: ['service-provision'],
          lifetime: 'P13M',
        },
        {
          id: 'audience',
          label: fr('Mesure d’audience', 'Audience measurement'),
          consent: true,
          purposes: ['audience-measurement'],
          providers: ['ovh'],
          lifetime: 'P13M',
          dataRetention: 'P25M',
        },
      ],
      withdrawal: ['delete-cookies'],
    },
    commitments: ['minimisation', 'inform-of-important-changes'],
  };
}
