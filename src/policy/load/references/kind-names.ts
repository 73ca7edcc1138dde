import type { TaxonomyKind } from '../../taxonomy/types.ts';

/** What a message calls an entry of each taxonomy kind. */
export const KIND_NAMES: Readonly<Record<TaxonomyKind, string>> = {
  dataCategories: 'data category',
  subjectCategories: 'subject category',
  purposes: 'purpose',
  legalBases: 'legal basis',
  rights: 'right',
  securityMeasures: 'security measure',
  triggerEvents: 'trigger event',
  sources: 'source',
  recipients: 'recipient',
  processorServices: 'processor service',
  limitReasons: 'limit reason',
  retentionReasons: 'retention reason',
  consequences: 'consequence',
  exerciseConditions: 'exercise condition',
  commitments: 'commitment',
  safeguards: 'safeguard',
  authorities: 'supervisory authority',
  countries: 'country',
};
