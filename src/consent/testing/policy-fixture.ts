/**
 * A small policy for the consent, breach and notice tests: one activity per kind of legal basis
 * the ledger treats differently, a processor activity and three cookie categories.
 */
import { loadPolicyFromString } from '../../policy/load-policy.ts';
import type { LoadedPolicy } from '../../policy/loaded-policy.ts';

export const CONSENT_TEST_POLICY = `
registre: 1
organisation:
  id: boutique
  name: Boutique SAS
  contact:
    email: contact@boutique.example
    phone: "+33 1 23 45 67 89"
    address: { street: 1 rue de la Paix, postalCode: "75002", city: Paris, country: FR }
  dpo: { name: Claire Martin, email: dpo@boutique.example }
  websites: [https://boutique.example]
  supervisoryAuthority: cnil
  languages: [fr, en]
  roles: [controller, processor]
policy:
  version: "2.0"
  date: 2025-01-15
  url: https://boutique.example/confidentialite
activities:
  - id: customer-accounts
    name: { fr: Comptes clients, en: Customer accounts }
    role: controller
    purposes: [account-management]
    legalBases: [{ basis: contract }]
    subjects: [customer]
    data: [{ category: name }, { category: email-address }]
    sources: [subject]
    retention:
      - id: accounts
        label: { fr: Comptes, en: Accounts }
        data: [name, email-address]
        trigger: end-of-contract
        duration: P3Y
        endAction: delete
  - id: newsletter
    name: { fr: Lettre d'information, en: Newsletter }
    role: controller
    purposes: [newsletter]
    legalBases: [{ basis: consent, withdrawal: [unsubscribe-link] }]
    subjects: [newsletter-subscriber]
    data: [{ category: email-address }]
    sources: [subject]
    retention:
      - id: subscribers
        label: { fr: Abonnés, en: Subscribers }
        data: [email-address]
        trigger: consent-withdrawal
        duration: P0D
        endAction: delete
  - id: prospecting
    name: { fr: Prospection, en: Prospecting }
    role: controller
    purposes: [direct-marketing]
    legalBases:
      - basis: legitimate-interest
        interest: { fr: Développer notre clientèle, en: Growing our customer base }
    subjects: [prospect]
    data: [{ category: name }, { category: email-address }]
    sources: [subject]
    retention:
      - id: prospects
        label: { fr: Prospects, en: Prospects }
        data: [name, email-address]
        trigger: last-contact-from-subject
        duration: P3Y
        endAction: delete
  - id: usage-statistics
    name: { fr: Statistiques d'usage, en: Usage statistics }
    role: controller
    purposes: [statistics]
    legalBases:
      - basis: legitimate-interest
        interest: { fr: Améliorer le service, en: Improving the service }
    subjects: [user]
    data: [{ category: ip-address }]
    sources: [subject]
    retention:
      - id: statistics
        label: { fr: Statistiques, en: Statistics }
        data: [ip-address]
        trigger: collection
        duration: P13M
        endAction: anonymise
  - id: partner-offers
    name: { fr: Offres de partenaires, en: Partner offers }
    role: controller
    purposes: [data-sharing-with-partners]
    legalBases: [{ basis: consent, withdrawal: [preference-center] }]
    subjects: [customer]
    data: [{ category: email-address }]
    sources: [subject]
    recipients: { external: [partners] }
    retention:
      - id: partner-sharing
        label: { fr: Partage, en: Sharing }
        data: [email-address]
        trigger: consent-withdrawal
        duration: P0D
        endAction: delete
  - id: hosted-invoicing
    name: { fr: Facturation hébergée, en: Hosted invoicing }
    role: processor
    controllers:
      - name: { fr: Chaque client, en: Each customer }
    purposes: [e-invoicing]
    subjects: [controller-customer]
    data: [{ category: name }]
    sources: [customer]
    retention:
      - id: hosted
        label: { fr: Données hébergées, en: Hosted data }
        data: [name]
        trigger: end-of-contract
        duration: P0D
        endAction: return-and-delete
rights:
  statements:
    access: { available: true }
    objection: { available: true }
  channels:
    - kind: email
      value: dpo@boutique.example
  complaint: { authority: cnil }
breach:
  notifyAuthority: {}
  notifySubjects:
    when: high-risk-unless-protected
    content: [nature, consequences, measures, contact]
cookies:
  used: true
  withdrawal: [delete-cookies]
  categories:
    - id: essential
      label: { fr: Traceurs nécessaires, en: Necessary trackers }
      consent: false
      purposes: [service-provision]
      lifetime: P13M
    - id: audience
      label: { fr: Mesure d'audience, en: Audience measurement }
      consent: true
      purposes: [audience-measurement]
      lifetime: P25M
    - id: ads
      label: { fr: Publicité ciblée, en: Targeted advertising }
      consent: true
      purposes: [profiling-for-marketing]
      lifetime: P6M
`;

/** The fixture loaded; throws with the first error if it stops being valid. */
export function loadConsentTestPolicy(text: string = CONSENT_TEST_POLICY): LoadedPolicy {
  const result = loadPolicyFromString(text, 'consent-test-policy.yaml');
  if (!result.ok) {
    const e = result.errors[0];
    throw new Error(`test policy invalid: ${e?.path}: ${e?.message}`);
  }
  return result;
}
