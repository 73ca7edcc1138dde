import { describe, expect, it } from 'vitest';
import { consentKeysOf, type DecisionFacts, decide } from './decide.ts';
import { consentPurposeKeys, resolvePurpose } from './purpose-rules.ts';
import { CONSENT_TEST_POLICY, loadConsentTestPolicy } from './testing/policy-fixture.ts';
import type { ConsentFact, ObjectionFact } from './types.ts';

const policy = loadConsentTestPolicy();
const AT = new Date('2025-06-01T12:00:00.000Z');

function rules(key: string) {
  const r = resolvePurpose(policy, key);
  if (r === null) throw new Error(`unknown ${key}`);
  return r;
}

function facts(partial: Partial<DecisionFacts> = {}): DecisionFacts {
  return { consents: new Map(), objections: [], restriction: null, ...partial };
}

function consent(
  purpose: string,
  action: ConsentFact['action'],
  at: string,
  expiresAt: string | null = null,
) {
  return [purpose, { purpose, action, at, expiresAt }] as const;
}

function objection(scope: string, at: string, extra: Partial<ObjectionFact> = {}): ObjectionFact {
  return { id: `o-${scope}`, scope, source: 'privacy-center', at, overriddenAt: null, ...extra };
}

const codes = (d: ReturnType<typeof decide>) => d.reasons.map((r) => `${r.effect}:${r.code}`);

describe('resolvePurpose', () => {
  it('resolves activities, cookie categories and purposes, in that order', () => {
    expect(rules('newsletter').kind).toBe('activity');
    expect(rules('audience').kind).toBe('cookie-category');
    expect(rules('statistics').kind).toBe('purpose');
    expect(resolvePurpose(policy, 'no-such-thing')).toBeNull();
  });

  it('asks consent for consent-based activities, with the purpose or the activity as key', () => {
    expect(rules('newsletter').scopes[0]?.consent).toEqual([
      { purpose: 'newsletter', keys: ['newsletter', 'newsletter'] },
    ]);
    expect(consentKeysOf(rules('partner-offers'))).toEqual(['data-sharing-with-partners', 'partner-offers']);
    expect(rules('customer-accounts').scopes[0]?.consent).toEqual([]);
  });

  it('caps tracker consents at 13 months and keeps shorter cookie lifetimes', () => {
    expect(rules('audience').validity).toBe('P13M'); // the policy says P25M
    expect(rules('ads').validity).toBe('P6M');
    expect(rules('newsletter').validity).toBeNull();
  });

  it('classifies marketing, direct marketing and sharing from the DPV mapping', () => {
    expect(rules('prospecting').scopes[0]?.classes).toEqual({
      marketing: true,
      directMarketing: true,
      sharing: false,
    });
    expect(rules('partner-offers').scopes[0]?.classes).toEqual({
      marketing: false,
      directMarketing: false,
      sharing: true,
    });
    expect(rules('usage-statistics').scopes[0]?.classes).toEqual({
      marketing: false,
      directMarketing: false,
      sharing: false,
    });
  });

  it('lists what a subject can give consent for', () => {
    expect(consentPurposeKeys(policy).sort()).toEqual(
      ['ads', 'audience', 'data-sharing-with-partners', 'newsletter', 'partner-offers'].sort(),
    );
  });
});

describe('decide', () => {
  it('allows contract processing and names the basis', () => {
    const d = decide(rules('customer-accounts'), facts(), AT);
    expect(d.allowed).toBe(true);
    expect(d.reasons).toEqual([
      { code: 'legal-basis', effect: 'allow', scope: 'customer-accounts', bases: ['contract'] },
    ]);
  });

  it('refuses consent-based processing without consent, and allows it once given', () => {
    expect(codes(decide(rules('newsletter'), facts(), AT))).toEqual(['deny:consent-missing']);
    const given = facts({ consents: new Map([consent('newsletter', 'given', '2025-05-01T00:00:00.000Z')]) });
    const d = decide(rules('newsletter'), given, AT);
    expect(d.allowed).toBe(true);
    expect(d.reasons[0]).toMatchObject({ code: 'consent-given', consentStatus: 'ConsentGiven' });
  });

  it('reports withdrawn, refused and expired consent in DPV terms', () => {
    const withdrawn = facts({
      consents: new Map([consent('newsletter', 'withdrawn', '2025-05-01T00:00:00.000Z')]),
    });
    expect(decide(rules('newsletter'), withdrawn, AT).reasons[0]).toMatchObject({
      code: 'consent-withdrawn',
      consentStatus: 'ConsentWithdrawn',
    });
    const refused = facts({ consents: new Map([consent('ads', 'refused', '2025-05-01T00:00:00.000Z')]) });
    expect(decide(rules('ads'), refused, AT).reasons[0]).toMatchObject({ consentStatus: 'ConsentRefused' });
    const expired = facts({
      consents: new Map([consent('ads', 'given', '2024-11-01T12:00:00.000Z', '2025-05-01T12:00:00.000Z')]),
    });
    const d = decide(rules('ads'), expired, AT);
    expect(d.allowed).toBe(false);
    expect(d.reasons[0]).toMatchObject({
      code: 'consent-expired',
      consentStatus: 'ConsentExpired',
      since: '2025-05-01T12:00:00.000Z',
    });
  });

  it('expires at the exact instant of expiry, not before', () => {
    const f = facts({
      consents: new Map([consent('ads', 'given', '2025-01-01T00:00:00.000Z', AT.toISOString())]),
    });
    expect(decide(rules('ads'), f, new Date(AT.getTime() - 1)).allowed).toBe(true);
    expect(decide(rules('ads'), f, AT).allowed).toBe(false);
  });

  it('a consent recorded under the activity satisfies its purpose, and the reverse', () => {
    const byActivity = facts({
      consents: new Map([consent('partner-offers', 'given', '2025-05-01T00:00:00.000Z')]),
    });
    expect(decide(rules('data-sharing-with-partners'), byActivity, AT).allowed).toBe(true);
    const byPurpose = facts({
      consents: new Map([consent('data-sharing-with-partners', 'given', '2025-05-01T00:00:00.000Z')]),
    });
    expect(decide(rules('partner-offers'), byPurpose, AT).allowed).toBe(true);
  });

  it('lets an objection stop legitimate-interest processing unless the DPO overrides it', () => {
    expect(decide(rules('usage-statistics'), facts(), AT).allowed).toBe(true);
    const objected = facts({ objections: [objection('usage-statistics', '2025-05-01T00:00:00.000Z')] });
    expect(codes(decide(rules('usage-statistics'), objected, AT))).toEqual([
      'allow:legal-basis',
      'deny:objection',
    ]);
    const overridden = facts({
      objections: [
        objection('statistics', '2025-05-01T00:00:00.000Z', { overriddenAt: '2025-05-02T00:00:00.000Z' }),
      ],
    });
    expect(decide(rules('usage-statistics'), overridden, AT).allowed).toBe(true);
  });

  it('makes an objection to direct marketing absolute, overrides notwithstanding', () => {
    const objected = facts({
      objections: [
        objection('prospecting', '2025-05-01T00:00:00.000Z', { overriddenAt: '2025-05-02T00:00:00.000Z' }),
      ],
    });
    const d = decide(rules('prospecting'), objected, AT);
    expect(d.allowed).toBe(false);
    expect(d.reasons.find((r) => r.code === 'objection')).toMatchObject({ absolute: true });
  });

  it('does not let an objection stop processing needed for a contract', () => {
    const objected = facts({ objections: [objection('customer-accounts', '2025-05-01T00:00:00.000Z')] });
    const d = decide(rules('customer-accounts'), objected, AT);
    expect(d.allowed).toBe(true);
    expect(codes(d)).toContain('allow:objection-not-applicable');
  });

  it('turns a GPC signal into a refusal of marketing and sharing, not of other purposes', () => {
    const gpc = (scope: string) => objection(scope, '2025-05-10T00:00:00.000Z', { source: 'gpc' });
    const signalled = facts({
      objections: [gpc('class:marketing'), gpc('class:sharing')],
      consents: new Map([
        consent('partner-offers', 'given', '2025-05-01T00:00:00.000Z'),
        consent('newsletter', 'given', '2025-05-01T00:00:00.000Z'),
      ]),
    });
    expect(decide(rules('prospecting'), signalled, AT).allowed).toBe(false);
    expect(decide(rules('newsletter'), signalled, AT).allowed).toBe(false);
    expect(decide(rules('partner-offers'), signalled, AT).reasons.at(-1)).toMatchObject({
      code: 'objection',
      source: 'gpc',
    });
    expect(decide(rules('usage-statistics'), signalled, AT).allowed).toBe(true);
    expect(decide(rules('customer-accounts'), signalled, AT).allowed).toBe(true);
  });

  it('lets a consent given after a GPC signal prevail for its own purpose', () => {
    const later = facts({
      objections: [objection('class:marketing', '2025-05-10T00:00:00.000Z', { source: 'gpc' })],
      consents: new Map([consent('newsletter', 'given', '2025-05-20T00:00:00.000Z')]),
    });
    const d = decide(rules('newsletter'), later, AT);
    expect(d.allowed).toBe(true);
    expect(codes(d)).toEqual(['allow:consent-given', 'allow:consent-after-objection']);
  });

  it('refuses every purpose of a restricted subject, and lets processor activities through otherwise', () => {
    const restricted = facts({ restriction: { since: '2025-05-01T00:00:00.000Z', source: 'target' } });
    for (const key of ['customer-accounts', 'usage-statistics', 'hosted-invoicing', 'essential']) {
      const d = decide(rules(key), restricted, AT);
      expect(d.allowed).toBe(false);
      expect(d.reasons[0]).toMatchObject({ code: 'restricted', source: 'target' });
    }
    expect(codes(decide(rules('hosted-invoicing'), facts(), AT))).toEqual(['allow:processor-activity']);
    expect(codes(decide(rules('essential'), facts(), AT))).toEqual(['allow:strictly-necessary']);
  });

  it('judges a purpose used by several activities under all of them', () => {
    const twice = loadConsentTestPolicy(withConsentStatistics());
    const r = resolvePurpose(twice, 'statistics');
    expect(r?.scopes.map((s) => s.id)).toEqual(['usage-statistics', 'research-panel']);
    // Refused: the consent-based activity has no consent, whatever the other one allows.
    expect(codes(decide(r!, facts(), AT))).toEqual(['allow:legal-basis', 'deny:consent-missing']);
    // Precise when the application names the activity.
    expect(decide(resolvePurpose(twice, 'usage-statistics')!, facts(), AT).allowed).toBe(true);
  });
});

/** The fixture with one more activity using the `statistics` purpose, on consent. */
function withConsentStatistics(): string {
  const extra = `
  - id: research-panel
    name: { fr: Panel de recherche, en: Research panel }
    role: controller
    purposes: [statistics]
    legalBases: [{ basis: consent, withdrawal: [preference-center] }]
    subjects: [customer]
    data: [{ category: email-address }]
    sources: [subject]
    retention:
      - id: research-panel
        label: { fr: Panélistes, en: Panel members }
        data: [email-address]
        trigger: consent-withdrawal
        duration: P0D
        endAction: delete
rights:`;
  return CONSENT_TEST_POLICY.replace('\nrights:', extra);
}
