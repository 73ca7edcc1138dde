/**
 * Retention periods of the demo policy (examples/demo/policy.yaml) that the generated dates are
 * spread around, so that every rule has rows just past and just before its deadline.
 * test/demo.test.ts checks these against the policy file.
 */
export const DEMO_PERIODS = {
  /** customer-master-data: 10 years after the end of the contract. */
  customerMasterData: 'P10Y',
  /** customer-contacts: archived 3 years after the end of the contract. */
  customerContacts: 'P3Y',
  /** invoices: 10 years from the invoice date. */
  invoices: 'P10Y',
  /** payment-means: 13 months of archive from the debit date. */
  paymentMeans: 'P13M',
  /** debtor-data: 5 years of archive after the end of recovery. */
  debtorData: 'P5Y',
  /** prospects: 3 years from the last contact from the prospect. */
  prospects: 'P3Y',
  /** security-logs: 6 months. */
  securityLogs: 'P6M',
  /** support-tickets: 10 years from collection. */
  supportTickets: 'P10Y',
  /** call-recordings: 1 month. */
  callRecordings: 'P1M',
  /** webinar-registrations: 12 months from collection. */
  webinars: 'P12M',
  /** event-registrations: 1 month after the event. */
  events: 'P1M',
  /** cookie-consents: 13 months from deposit. */
  cookies: 'P13M',
} as const;
