import { describe, expect, it } from 'vitest';
import type { TPolicyInput } from '../model.ts';
import { fullPolicyInput, loadedFrom, testTaxonomy } from '../render/notice/test-fixture.ts';
import { diffPolicies } from './diff-policies.ts';
import { CHANGE_KINDS, type PolicyChangeKind } from './types.ts';

type Activity = TPolicyInput['activities'][number];
type Processor = NonNullable<TPolicyInput['processors']>[number];
type Rule = NonNullable<Activity['retention']>[number];

const taxonomy = testTaxonomy();
const diff = (a: TPolicyInput, b: TPolicyInput) =>
  diffPolicies(loadedFrom(a, taxonomy), loadedFrom(b, taxonomy));

function find<T extends { id: string }>(items: readonly T[] | undefined, id: string): T {
  const item = items?.find((x) => x.id === id);
  if (item === undefined) throw new Error(`fixture has no ${id}`);
  return item;
}
const act = (p: TPolicyInput, id: string): Activity => find(p.activities, id);
const proc = (p: TPolicyInput, id: string): Processor => find(p.processors, id);
const rule = (p: TPolicyInput, activity: string, id: string): Rule => find(act(p, activity).retention, id);
const cookie = (p: TPolicyInput, id: string) => find(p.cookies?.categories, id);

type Mutation = (old: TPolicyInput, next: TPolicyInput) => void;

/** One scenario per kind: the smallest edit that produces it, and every change it must produce. */
const SCENARIOS: readonly [PolicyChangeKind, Mutation, PolicyChangeKind[]?][] = [
  [
    'version-changed',
    (_, b) => {
      b.policy.version = '3.0';
    },
  ],
  [
    'controller-changed',
    (_, b) => {
      b.organisation.name = 'Acme Software';
    },
  ],
  [
    'controller-contact-changed',
    (_, b) => {
      b.organisation.contact.phone = '+33 1 00 00 00 00';
    },
  ],
  [
    'group-changed',
    (_, b) => {
      b.organisation.group = { name: 'Autre Groupe' };
    },
  ],
  [
    'joint-controller-added',
    (_, b) => {
      b.organisation.jointControllers = [{ name: 'Partenaire SA' }];
    },
  ],
  [
    'joint-controller-removed',
    (a) => {
      a.organisation.jointControllers = [{ name: 'Partenaire SA' }];
    },
  ],
  [
    'representative-changed',
    (_, b) => {
      b.organisation.representative = { name: 'Rep Ltd' };
    },
  ],
  [
    'dpo-changed',
    (_, b) => {
      b.organisation.dpo = { email: 'privacy@acme.example' };
    },
  ],
  [
    'authority-changed',
    (_, b) => {
      b.organisation.supervisoryAuthority = 'apd-be';
    },
  ],
  [
    'minimum-age-changed',
    (_, b) => {
      b.organisation.minimumAge = 18;
    },
  ],
  [
    'activity-added',
    (_, b) => {
      b.activities.push({ ...act(b, 'logs'), id: 'audit-logs', retention: [] });
    },
  ],
  [
    'activity-removed',
    (_, b) => {
      b.activities = b.activities.filter((x) => x.id !== 'webinars');
    },
  ],
  [
    'activity-renamed',
    (_, b) => {
      act(b, 'logs').name = { fr: 'Journaux', en: 'Logs' };
    },
  ],
  [
    'activity-role-changed',
    (_, b) => {
      act(b, 'logs').role = 'processor';
    },
  ],
  [
    'purpose-added',
    (_, b) => {
      act(b, 'logs').purposes.push('fraud-prevention');
    },
  ],
  [
    'purpose-removed',
    (_, b) => {
      act(b, 'logs').purposes = ['it-security'];
    },
  ],
  [
    'legal-basis-changed',
    (_, b) => {
      act(b, 'webinars').legalBases = [{ basis: 'consent' }];
    },
  ],
  [
    'subject-category-added',
    (_, b) => {
      act(b, 'logs').subjects.push('customer');
    },
  ],
  [
    'subject-category-removed',
    (_, b) => {
      act(b, 'prospects').subjects = ['prospect'];
    },
  ],
  [
    'data-category-added',
    (_, b) => {
      act(b, 'logs').data.push({ category: 'user-agent' });
    },
  ],
  [
    'data-category-removed',
    (_, b) => {
      act(b, 'logs').data = [{ category: 'ip-address' }];
    },
  ],
  [
    'data-requirement-changed',
    (_, b) => {
      act(b, 'prospects').data = [
        { category: 'name', mandatory: true },
        { category: 'email-address', mandatory: true },
      ];
    },
  ],
  [
    'source-added',
    (_, b) => {
      act(b, 'logs').sources.push('subject');
    },
  ],
  [
    'source-removed',
    (_, b) => {
      act(b, 'prospects').sources = ['subject'];
    },
  ],
  [
    'recipient-added',
    (_, b) => {
      act(b, 'logs').recipients = { internal: ['it-department'] };
    },
  ],
  [
    'recipient-removed',
    (_, b) => {
      act(b, 'customers').recipients = { internal: ['sales-department', 'finance-department'] };
    },
  ],
  [
    'processor-assigned',
    (_, b) => {
      act(b, 'logs').processors = ['ovh', 'azure'];
    },
  ],
  [
    'processor-unassigned',
    (_, b) => {
      act(b, 'customers').processors = ['ovh'];
    },
  ],
  [
    'automated-decision-added',
    (_, b) => {
      act(b, 'logs').automatedDecisions = { automatedDecisionMaking: true, profiling: false };
    },
  ],
  [
    'automated-decision-removed',
    (a) => {
      act(a, 'logs').automatedDecisions = { automatedDecisionMaking: true, profiling: false };
    },
  ],
  [
    'profiling-added',
    (_, b) => {
      act(b, 'logs').automatedDecisions = { automatedDecisionMaking: false, profiling: true };
    },
  ],
  [
    'profiling-removed',
    (_, b) => {
      act(b, 'prospects').automatedDecisions = { automatedDecisionMaking: false, profiling: false };
    },
  ],
  [
    'retention-rule-added',
    (_, b) => {
      act(b, 'logs').retention?.push({ ...rule(b, 'logs', 'technical-logs'), id: 'security-logs' });
    },
  ],
  [
    'retention-rule-removed',
    (_, b) => {
      act(b, 'customers').retention = [rule(b, 'customers', 'bank-data')];
    },
  ],
  [
    'retention-longer',
    (_, b) => {
      rule(b, 'logs', 'technical-logs').duration = 'P12M';
    },
  ],
  [
    'retention-shorter',
    (_, b) => {
      rule(b, 'prospects', 'prospect-data').duration = 'P2Y';
    },
  ],
  [
    'retention-trigger-changed',
    (_, b) => {
      rule(b, 'prospects', 'prospect-data').trigger = 'collection';
    },
  ],
  [
    'retention-end-action-changed',
    (_, b) => {
      rule(b, 'logs', 'technical-logs').endAction = 'anonymise';
    },
  ],
  [
    'retention-conditions-changed',
    (_, b) => {
      delete rule(b, 'webinars', 'webinar-data').endsEarlierOn;
    },
  ],
  [
    'legal-hold-added',
    (_, b) => {
      rule(b, 'customers', 'customer-data').legalHolds = [
        { reason: 'accounting-obligation', reference: 'Code de commerce L.123-22', duration: 'P10Y' },
      ];
    },
  ],
  [
    'legal-hold-removed',
    (a) => {
      rule(a, 'customers', 'customer-data').legalHolds = [{ reason: 'accounting-obligation' }];
    },
  ],
  [
    'processor-added',
    (_, b) => {
      b.processors?.push({
        id: 'mailjet',
        name: 'Mailjet',
        country: 'FR',
        role: 'processor',
        services: ['newsletter-mailing'],
      });
    },
  ],
  [
    'processor-removed',
    (_, b) => {
      b.processors = b.processors?.filter((p) => p.id !== 'sendgrid');
      act(b, 'prospects').processors = [];
    },
  ],
  [
    'processor-moved',
    (_, b) => {
      proc(b, 'ovh').country = 'DE';
    },
  ],
  [
    'processor-service-changed',
    (_, b) => {
      proc(b, 'ovh').services = ['hosting', 'maintenance-development'];
    },
  ],
  [
    'transfer-added',
    (_, b) => {
      proc(b, 'ovh').transfers = [{ country: 'CA', safeguards: ['adequacy'] }];
    },
  ],
  [
    'transfer-removed',
    (_, b) => {
      proc(b, 'zoom').transfers = [];
    },
  ],
  [
    'transfer-safeguard-weakened',
    (_, b) => {
      proc(b, 'zoom').transfers = [{ country: 'US', safeguards: ['privacy-shield'] }];
    },
  ],
  [
    'transfer-safeguard-changed',
    (_, b) => {
      proc(b, 'azure').transfers = [{ country: 'US', safeguards: ['dpf'] }];
    },
  ],
  [
    'right-added',
    (_, b) => {
      b.rights.statements['automated-decision'] = { available: true };
    },
  ],
  [
    'right-removed',
    (_, b) => {
      delete b.rights.statements.objection;
    },
  ],
  [
    'right-limited',
    (_, b) => {
      b.rights.statements.access = {
        available: true,
        reasons: ['others-rights'],
        conditions: ['identity-document-copy'],
      };
    },
  ],
  [
    'right-extended',
    (_, b) => {
      b.rights.statements.restriction = { available: true };
    },
  ],
  [
    'right-conditions-added',
    (_, b) => {
      b.rights.statements.rectification = { available: true, conditions: ['written-request'] };
    },
  ],
  [
    'right-conditions-removed',
    (_, b) => {
      b.rights.statements.access = { available: true };
    },
  ],
  [
    'rights-channel-added',
    (_, b) => {
      b.rights.channels.push({ kind: 'web-form', value: 'https://www.acme.example/droits' });
    },
  ],
  [
    'rights-channel-removed',
    (_, b) => {
      b.rights.channels = b.rights.channels.filter((c) => c.kind === 'email');
    },
  ],
  [
    'rights-conditions-added',
    (_, b) => {
      b.rights.conditions = ['identity-verification', 'written-request'];
    },
  ],
  [
    'rights-conditions-removed',
    (_, b) => {
      b.rights.conditions = [];
    },
  ],
  [
    'response-time-longer',
    (_, b) => {
      b.rights.responseTime = 'P2M';
    },
  ],
  [
    'response-time-shorter',
    (_, b) => {
      b.rights.responseTime = 'P2W';
    },
  ],
  [
    'fees-increased',
    (a) => {
      a.rights.fees = { additionalCopies: 'free', manifestlyUnfoundedOrExcessive: 'refuse-or-fee' };
    },
  ],
  [
    'fees-reduced',
    (_, b) => {
      b.rights.fees = { additionalCopies: 'free', manifestlyUnfoundedOrExcessive: 'refuse-or-fee' };
    },
  ],
  [
    'post-mortem-changed',
    (_, b) => {
      b.rights.postMortem = { available: false };
    },
  ],
  [
    'complaint-authority-changed',
    (_, b) => {
      b.rights.complaint = { authority: 'apd-be' };
    },
  ],
  [
    'security-measure-added',
    (_, b) => {
      b.security?.push({ measure: 'firewall' });
    },
  ],
  [
    'security-measure-removed',
    (_, b) => {
      b.security = b.security?.filter((m) => m.measure !== 'access-control');
    },
  ],
  [
    'certification-changed',
    (_, b) => {
      b.certifications = [];
    },
  ],
  [
    'breach-commitment-changed',
    (_, b) => {
      b.breach.notifyAuthority = { within: 'PT48H' };
    },
  ],
  [
    'cookies-introduced',
    (a) => {
      a.cookies = { used: false };
    },
    ['cookies-introduced', 'cookie-category-added', 'cookie-category-added'],
  ],
  [
    'cookies-discontinued',
    (_, b) => {
      b.cookies = { used: false };
    },
  ],
  [
    'cookie-category-added',
    (_, b) => {
      b.cookies?.categories?.push({
        id: 'ads',
        label: { fr: 'Publicité', en: 'Advertising' },
        consent: true,
        purposes: ['advertising'],
        lifetime: 'P6M',
      });
    },
  ],
  [
    'cookie-category-removed',
    (_, b) => {
      if (b.cookies) b.cookies.categories = [cookie(b, 'necessary')];
    },
  ],
  [
    'cookie-lifetime-longer',
    (_, b) => {
      cookie(b, 'audience').lifetime = 'P25M';
    },
  ],
  [
    'cookie-lifetime-shorter',
    (_, b) => {
      cookie(b, 'audience').lifetime = 'P6M';
    },
  ],
  [
    'cookie-consent-added',
    (_, b) => {
      cookie(b, 'necessary').consent = true;
    },
  ],
  [
    'cookie-consent-removed',
    (_, b) => {
      cookie(b, 'audience').consent = false;
    },
  ],
  [
    'commitment-added',
    (_, b) => {
      b.commitments?.push('confidentiality');
    },
  ],
  [
    'commitment-removed',
    (_, b) => {
      b.commitments = ['minimisation'];
    },
  ],
];

function run(mutate: Mutation) {
  const a = fullPolicyInput();
  const b = fullPolicyInput();
  mutate(a, b);
  return diff(a, b);
}

describe('diffPolicies: every kind of change', () => {
  it('has one scenario per kind', () => {
    expect(SCENARIOS.map(([kind]) => kind).sort()).toEqual(Object.keys(CHANGE_KINDS).sort());
  });

  it.each(SCENARIOS)('detects %s, and nothing else', (kind, mutate, expected) => {
    const changes = run(mutate);
    expect(changes.map((c) => c.kind)).toEqual(expected ?? [kind]);
    for (const c of changes) {
      expect(c.importance).toBe(CHANGE_KINDS[c.kind]);
      expect(c.message.fr).toMatch(/^\S.*[.»]$/);
      expect(c.message.en).toMatch(/^\S.*[.”]$/);
      expect(c.message.fr).not.toEqual(c.message.en);
    }
  });
});

describe('diffPolicies: durations, matching and order', () => {
  it('reports nothing between a policy and itself, or a reordered copy', () => {
    expect(run(() => {})).toEqual([]);
    const changes = run((_, b) => {
      b.activities.reverse();
      b.processors?.reverse();
      b.rights.statements = Object.fromEntries(Object.entries(b.rights.statements).reverse());
      b.security?.reverse();
    });
    expect(changes).toEqual([]);
  });

  it('does not report a duration rewritten in other units (P1Y = P12M, P1W = P7D, PT72H = P3D, default one month)', () => {
    const changes = run((a, b) => {
      rule(a, 'logs', 'technical-logs').duration = 'P1Y';
      rule(b, 'logs', 'technical-logs').duration = 'P12M';
      cookie(a, 'audience').lifetime = 'P1W';
      cookie(b, 'audience').lifetime = 'P7D';
      b.breach.notifyAuthority = { within: 'P3D' };
      b.rights.responseTime = 'P1M';
      rule(a, 'customers', 'customer-data').archive = {
        duration: 'P60M',
        from: 'trigger',
        reason: 'limitation-period',
      };
    });
    expect(changes).toEqual([]);
  });

  it('P13M is longer than P1Y; P364D is shorter than P1Y', () => {
    const longer = run((a, b) => {
      rule(a, 'logs', 'technical-logs').duration = 'P1Y';
      rule(b, 'logs', 'technical-logs').duration = 'P13M';
    });
    expect(longer.map((c) => [c.kind, c.before, c.after])).toEqual([['retention-longer', 'P1Y', 'P13M']]);
    const shorter = run((a, b) => {
      rule(a, 'logs', 'technical-logs').duration = 'P1Y';
      rule(b, 'logs', 'technical-logs').duration = 'P364D';
    });
    expect(shorter.map((c) => c.kind)).toEqual(['retention-shorter']);
  });

  it('words the changes for the data subject', () => {
    const changes = run((a, b) => {
      a.processors = a.processors?.filter((p) => p.id !== 'zoom');
      act(a, 'webinars').processors = [];
      rule(a, 'logs', 'technical-logs').maximum = false;
      rule(b, 'logs', 'technical-logs').maximum = false;
      rule(b, 'logs', 'technical-logs').duration = 'P12M';
    });
    expect(changes.map((c) => c.message.fr)).toEqual([
      'La durée de conservation des journaux techniques passe de 6 mois à 12 mois.',
      'Nouveau sous-traitant : Zoom (États-Unis, clauses contractuelles types) pour le traitement « Webinaires ».',
    ]);
    expect(changes.map((c) => c.message.en)).toEqual([
      'The retention period for technical logs changes from 6 months to 12 months.',
      'New processor: Zoom (United States, standard contractual clauses) for “Webinars”.',
    ]);
    expect(changes.map((c) => c.importance)).toEqual(['major', 'major']);
  });

  it('a P0D rule that gains a period reads in full sentences', () => {
    const [c] = run((_, b) => {
      rule(b, 'prospects', 'newsletter').duration = 'P1Y';
    });
    expect(c?.kind).toBe('retention-longer');
    expect(c?.message.fr).toBe(
      "La durée de conservation pour « Abonnement à la newsletter » s'allonge : désormais 1 an à compter du retrait de votre consentement, puis suppression (auparavant : jusqu'au retrait de votre consentement, puis suppression).",
    );
  });

  it('keeps a stable document order: organisation, activities (rules, rights), processors, rights, security, cookies', () => {
    const mutate: Mutation = (_, b) => {
      b.commitments?.push('confidentiality');
      cookie(b, 'audience').lifetime = 'P6M';
      b.security?.push({ measure: 'firewall' });
      b.rights.conditions = [];
      proc(b, 'ovh').country = 'DE';
      act(b, 'customers').rights = {};
      rule(b, 'customers', 'customer-data').duration = 'P4Y';
      act(b, 'customers').purposes.push('accounting');
      b.activities.reverse();
      b.organisation.minimumAge = 18;
    };
    const kinds = run(mutate).map((c) => `${c.kind} ${c.target}`);
    expect(kinds).toEqual([
      'minimum-age-changed organisation/minimum-age',
      'purpose-added activity:customers/purpose:accounting',
      'retention-longer activity:customers/retention:customer-data',
      'right-removed activity:customers/right:portability',
      'processor-moved processor:ovh',
      'rights-conditions-removed rights/condition:identity-verification',
      'security-measure-added security:firewall',
      'cookie-lifetime-shorter cookies/category:audience',
      'commitment-added commitment:confidentiality',
    ]);
    expect(run(mutate)).toEqual(run(mutate));
  });

  it('a removed processor is reported once, not again for each activity that used it', () => {
    const changes = run((_, b) => {
      b.processors = b.processors?.filter((p) => p.id !== 'azure');
      act(b, 'customers').processors = ['ovh'];
      act(b, 'e-invoicing').processors = [];
    });
    expect(changes.map((c) => c.kind)).toEqual(['processor-removed']);
  });

  it('words a change between two maxima once, and keeps acronyms in labels', () => {
    const [c] = run((_, b) => {
      rule(b, 'logs', 'technical-logs').duration = 'P12M';
    });
    expect(c?.message.fr).toBe(
      'La durée de conservation des journaux techniques passe de 6 mois à 12 mois au plus.',
    );
    const [added] = run((_, b) => {
      b.activities.push({ ...act(b, 'logs'), id: 'audit-logs', retention: [] });
    });
    expect(added?.message.en).toContain('(purposes: IT security,');
  });

  it('marks as major what the data subject should be told, as minor the rest', () => {
    const major: PolicyChangeKind[] = [
      'purpose-added',
      'processor-added',
      'transfer-added',
      'retention-longer',
      'recipient-added',
      'right-limited',
      'data-category-added',
      'legal-basis-changed',
    ];
    const minor: PolicyChangeKind[] = [
      'purpose-removed',
      'processor-removed',
      'retention-shorter',
      'right-extended',
      'dpo-changed',
      'version-changed',
      'security-measure-added',
    ];
    for (const kind of major) expect(CHANGE_KINDS[kind]).toBe('major');
    for (const kind of minor) expect(CHANGE_KINDS[kind]).toBe('minor');
  });
});
