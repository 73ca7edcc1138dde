/**
 * The consent ledger on a real store (SQLite and PostgreSQL): proof, withdrawal, expiry,
 * objections, GPC, restriction (ledger flag and the engine's records), and the audit trail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/verify-audit.ts';
import { createConsentLedger } from '../../src/consent/consent-ledger.ts';
import type { ConsentLedgerDeps } from '../../src/consent/ledger-deps.ts';
import { targetRestrictionSource } from '../../src/consent/restriction-source.ts';
import { ledgerSubjectKey } from '../../src/consent/subject-key.ts';
import {
  manualClock,
  openTestStore,
  TEST_SECRET,
  type TestStore,
} from '../../src/consent/testing/open-test-store.ts';
import { loadConsentTestPolicy } from '../../src/consent/testing/policy-fixture.ts';
import { ensureRestrictionSchema, RESTRICTION_TABLE } from '../../src/engine/subject/restriction-schema.ts';
import { createNoticeService } from '../../src/notices/notice-service.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from '../support/targets.ts';

const policy = loadConsentTestPolicy();
const dialects = await availableDialects(['sqlite', 'postgres']);

describe.each(dialects)('consent ledger on %s', (dialect) => {
  let env: TestStore;
  let target: IsolatedTarget;
  const clock = manualClock('2025-03-03T09:00:00.000Z');
  let deps: ConsentLedgerDeps;

  beforeAll(async () => {
    env = await openTestStore(dialect);
    target = await isolatedTarget('sqlite');
    deps = {
      db: env.store.db,
      clock,
      policy,
      secret: TEST_SECRET,
      restrictions: targetRestrictionSource(target.target),
      noticeUrl: (version) => `https://privacy.boutique.example/notices/${version}`,
    };
  });
  afterAll(async () => {
    await target?.dispose();
    await env?.dispose();
  });

  const ledger = () => createConsentLedger(deps);
  const base = { channel: 'privacy-center', actor: 'subject', lang: 'fr' } as const;

  it('records consent with its proof and a Kantara receipt tied to the notice shown', async () => {
    clock.set('2025-03-03T09:00:00.000Z');
    const { version } = await createNoticeService({ db: env.store.db, clock }).publish(policy, 'user:dpo');
    const given = await ledger().give({ ...base, subject: { id: 'app-user-1' }, purpose: 'newsletter' });
    expect(given).toMatchObject({
      status: 'ConsentGiven',
      recorded: true,
      at: '2025-03-03T09:00:00.000Z',
      expiresAt: null,
      channel: 'privacy-center',
      noticeVersionId: version.id,
    });
    const receipt = given.receipt;
    expect(receipt).toMatchObject({
      version: 'KI-CR-v1.1.0',
      jurisdiction: 'FR',
      consentTimestamp: Date.parse('2025-03-03T09:00:00.000Z') / 1000,
      consentReceiptID: given.id,
      language: 'fr',
      piiPrincipalId: 'app-user-1',
      policyUrl: `https://privacy.boutique.example/notices/${version.version}`,
      sensitive: false,
      spiCat: [],
    });
    expect(receipt?.piiControllers[0]).toMatchObject({
      piiController: 'Boutique SAS',
      contact: 'Claire Martin',
      email: 'dpo@boutique.example',
      address: '1 rue de la Paix, 75002 Paris, FR',
    });
    expect(receipt?.services).toEqual([
      {
        service: "Lettre d'information",
        purposes: [
          expect.objectContaining({
            purpose: "Envoi de lettres d'information",
            purposeCategory: ['dpv:DirectMarketing'],
            consentType: 'EXPLICIT',
            piiCategory: ['Adresse e-mail'],
            primaryPurpose: true,
            thirdPartyDisclosure: false,
          }),
        ],
      },
    ]);
    const stored = await ledger().receipt({ receiptId: given.id, actor: 'user:dpo' });
    expect(stored).toEqual(receipt);
  });

  it('answers may-process from consent, and withdrawal is one call', async () => {
    const subject = { id: 'app-user-2' };
    const ask = () => ledger().mayProcess({ subject, purpose: 'newsletter', actor: 'token:app' });
    expect((await ask()).reasons).toEqual([
      { code: 'consent-missing', effect: 'deny', scope: 'newsletter', purpose: 'newsletter' },
    ]);
    await ledger().give({ ...base, subject, purpose: 'newsletter' });
    expect((await ask()).allowed).toBe(true);
    clock.advance(60_000);
    const withdrawn = await ledger().withdraw({ ...base, subject, purpose: 'newsletter' });
    expect(withdrawn).toMatchObject({ status: 'ConsentWithdrawn', receipt: null, recorded: true });
    const after = await ask();
    expect(after.allowed).toBe(false);
    expect(after.reasons[0]).toMatchObject({ code: 'consent-withdrawn', consentStatus: 'ConsentWithdrawn' });
    // Asking about a time before the withdrawal answers from the ledger as it was then.
    const before = await ledger().mayProcess({
      subject,
      purpose: 'newsletter',
      at: new Date(Date.parse(withdrawn.at) - 1),
      actor: 'token:app',
    });
    expect(before.allowed).toBe(true);
  });

  it('expires tracker consent 13 months after it was given, not extended by later visits', async () => {
    clock.set('2025-01-31T10:00:00.000Z');
    const subject = { id: 'visitor-1' };
    const first = await ledger().give({ ...base, channel: 'cookie-banner', subject, purpose: 'audience' });
    // 31 January + 13 months: the last day of February of the next year, at the same time.
    expect(first.expiresAt).toBe('2026-02-28T10:00:00.000Z');
    clock.set('2025-09-01T08:00:00.000Z');
    const revisit = await ledger().give({ ...base, channel: 'cookie-banner', subject, purpose: 'audience' });
    expect(revisit).toMatchObject({ recorded: false, id: first.id, expiresAt: '2026-02-28T10:00:00.000Z' });
    clock.set('2026-02-28T09:59:59.999Z');
    expect((await ledger().mayProcess({ subject, purpose: 'audience', actor: 'token:app' })).allowed).toBe(
      true,
    );
    clock.set('2026-02-28T10:00:00.000Z');
    const expired = await ledger().mayProcess({ subject, purpose: 'audience', actor: 'token:app' });
    expect(expired.reasons[0]).toMatchObject({ code: 'consent-expired', consentStatus: 'ConsentExpired' });
    const prefs = await ledger().preferences({ subject, actor: 'subject', lang: 'en' });
    expect(prefs.purposes.find((p) => p.purpose === 'audience')).toMatchObject({
      status: 'ConsentExpired',
      label: 'Audience measurement',
      kind: 'cookie-category',
    });
    // After expiry, giving again starts a new period.
    const renewed = await ledger().give({ ...base, channel: 'cookie-banner', subject, purpose: 'audience' });
    expect(renewed).toMatchObject({ recorded: true, expiresAt: '2027-03-28T10:00:00.000Z' });
  });

  it('refuses consent calls for purposes that do not rest on consent, and unknown purposes', async () => {
    const subject = { id: 'app-user-3' };
    await expect(ledger().give({ ...base, subject, purpose: 'customer-accounts' })).rejects.toMatchObject({
      code: 'REG_ERR_CONSENT_NOT_REQUIRED',
    });
    await expect(ledger().refuse({ ...base, subject, purpose: 'nope' })).rejects.toMatchObject({
      code: 'REG_ERR_CONSENT_PURPOSE_UNKNOWN',
    });
    await expect(
      ledger().give({ ...base, subject, purpose: 'newsletter', noticeVersionId: 'no-such-version' }),
    ).rejects.toMatchObject({ code: 'REG_ERR_CONSENT_NOTICE_VERSION_UNKNOWN' });
  });

  it('keeps objections per subject and purpose; direct marketing objection is absolute', async () => {
    clock.set('2025-04-01T09:00:00.000Z');
    const subject = { email: 'Jeanne.Dupont@example.org' };
    const ask = (purpose: string) => ledger().mayProcess({ subject, purpose, actor: 'token:app' });
    expect((await ask('prospecting')).allowed).toBe(true);
    const objection = await ledger().object({
      subject,
      scope: 'prospecting',
      source: 'email',
      actor: 'user:agent',
    });
    expect(
      (await ledger().object({ subject, scope: 'prospecting', source: 'email', actor: 'user:agent' }))
        .recorded,
    ).toBe(false);
    expect((await ask('prospecting')).reasons).toContainEqual(
      expect.objectContaining({ code: 'objection', effect: 'deny', absolute: true }),
    );
    await expect(
      ledger().overrideObjection({ objectionId: objection.id, reason: 'legal claims', actor: 'user:dpo' }),
    ).rejects.toMatchObject({ code: 'REG_ERR_CONSENT_OVERRIDE_REFUSED' });
    // Legitimate interest outside marketing: compelling grounds override the objection.
    const stats = await ledger().object({
      subject,
      scope: 'usage-statistics',
      source: 'email',
      actor: 'user:agent',
    });
    expect((await ask('usage-statistics')).allowed).toBe(false);
    await ledger().overrideObjection({
      objectionId: stats.id,
      reason: 'fraud investigation',
      actor: 'user:dpo',
    });
    expect((await ask('usage-statistics')).reasons).toContainEqual(
      expect.objectContaining({ code: 'objection-overridden', effect: 'allow' }),
    );
    // The same e-mail in another case names the same subject; the ledger never stores it in clear.
    const again = await ledger().mayProcess({
      subject: { email: 'jeanne.dupont@EXAMPLE.org' },
      purpose: 'prospecting',
      actor: 'token:app',
    });
    expect(again.allowed).toBe(false);
    const keys = await env.store.db.selectFrom('consent_objections').select('subject_key').execute();
    expect(
      keys.every((k) => !k.subject_key.includes('@') && !k.subject_key.toLowerCase().includes('dupont')),
    ).toBe(true);
    await ledger().liftObjection({ subject, scope: 'prospecting', actor: 'subject' });
    expect((await ask('prospecting')).allowed).toBe(true);
    await expect(
      ledger().liftObjection({ subject, scope: 'prospecting', actor: 'subject' }),
    ).rejects.toMatchObject({
      code: 'REG_ERR_CONSENT_OBJECTION_NOT_FOUND',
    });
  });

  it('records a GPC signal once as an objection to marketing and sharing', async () => {
    clock.set('2025-05-01T09:00:00.000Z');
    const subject = { id: 'pc_gpcvisitor' };
    await ledger().give({ ...base, subject, purpose: 'partner-offers' });
    clock.advance(1000);
    const first = await ledger().recordGpc({ subject, actor: 'subject' });
    expect(first.map((o) => [o.scope, o.source, o.recorded])).toEqual([
      ['class:marketing', 'gpc', true],
      ['class:sharing', 'gpc', true],
    ]);
    clock.advance(1000);
    const second = await ledger().recordGpc({ subject, actor: 'subject' });
    expect(second.map((o) => o.recorded)).toEqual([false, false]);
    expect(second.map((o) => o.at)).toEqual(first.map((o) => o.at));
    const sharing = await ledger().mayProcess({ subject, purpose: 'partner-offers', actor: 'token:app' });
    expect(sharing.allowed).toBe(false);
    expect(sharing.reasons).toContainEqual(expect.objectContaining({ code: 'objection', source: 'gpc' }));
    expect(
      (await ledger().mayProcess({ subject, purpose: 'customer-accounts', actor: 'token:app' })).allowed,
    ).toBe(true);
    // A consent the subject gives afterwards, for one purpose, prevails for that purpose only.
    clock.advance(1000);
    await ledger().give({ ...base, subject, purpose: 'ads' });
    expect((await ledger().mayProcess({ subject, purpose: 'ads', actor: 'token:app' })).allowed).toBe(true);
    expect((await ledger().mayProcess({ subject, purpose: 'prospecting', actor: 'token:app' })).allowed).toBe(
      false,
    );
  });

  it('refuses every purpose while a subject is restricted: ledger flag or engine record', async () => {
    clock.set('2025-06-01T09:00:00.000Z');
    const subject = { id: 'app-user-4' };
    await ledger().give({ ...base, subject, purpose: 'newsletter' });
    await ledger().restrict({ subject, reason: 'accuracy-contested', actor: 'user:agent' });
    const restricted = await ledger().mayProcess({ subject, purpose: 'newsletter', actor: 'token:app' });
    expect(restricted.reasons[0]).toMatchObject({ code: 'restricted', source: 'ledger' });
    expect(restricted.allowed).toBe(false);
    await expect(
      ledger().liftRestriction({
        subject,
        notifiedAt: new Date('2025-06-02T00:00:00.000Z'),
        actor: 'user:agent',
      }),
    ).rejects.toMatchObject({ code: 'REG_ERR_CONSENT_RESTRICTION_NOT_NOTIFIED' });
    clock.advance(3_600_000);
    await ledger().liftRestriction({
      subject,
      notifiedAt: new Date('2025-06-01T09:30:00.000Z'),
      actor: 'user:agent',
    });
    expect((await ledger().mayProcess({ subject, purpose: 'newsletter', actor: 'token:app' })).allowed).toBe(
      true,
    );

    // A subject named by its row in the organisation's database: the engine's record applies.
    const row = { table: 'customers', key: '42' };
    await ensureRestrictionSchema(target.target.db);
    await target.target.db
      .insertInto(RESTRICTION_TABLE)
      .values({
        table_name: 'customers',
        row_key: '42',
        subject_ref: ledgerSubjectKey(TEST_SECRET, row),
        reason: 'objection-pending',
        since: '2025-06-01T00:00:00.000Z',
        notified_at: null,
        lifted_at: null,
      })
      .execute();
    const fromEngine = await ledger().mayProcess({
      subject: row,
      purpose: 'customer-accounts',
      actor: 'token:app',
    });
    expect(fromEngine.reasons[0]).toMatchObject({ code: 'restricted', source: 'target' });
    const otherRow = await ledger().mayProcess({
      subject: { table: 'customers', key: '43' },
      purpose: 'customer-accounts',
      actor: 'token:app',
    });
    expect(otherRow.allowed).toBe(true);
  });

  it('shows a subject their history and counts statuses per purpose', async () => {
    const history = await ledger().history({ subject: { id: 'app-user-2' }, actor: 'user:dpo' });
    expect(history.events.map((e) => e.status)).toEqual(['ConsentGiven', 'ConsentWithdrawn']);
    const counts = await ledger().counts();
    expect(counts.find((c) => c.purpose === 'newsletter')).toEqual({
      purpose: 'newsletter',
      given: 2,
      withdrawn: 1,
      refused: 0,
      expired: 0,
    });
  });

  it('wrote every change and every read to a verifiable trail, with pseudonyms only', async () => {
    const entries = await env.store.db
      .selectFrom('registre_audit' as never)
      .selectAll()
      .execute();
    const rows = entries as unknown as {
      operation: string;
      subject_ref: string | null;
      details: string;
      reason: string;
    }[];
    const ops = new Set(rows.map((r) => r.operation));
    for (const op of [
      'consent.record',
      'consent.withdraw',
      'subject.object',
      'subject.restrict',
      'personal-data.read',
    ]) {
      expect(ops).toContain(op);
    }
    const text = JSON.stringify(rows);
    expect(text).not.toContain('app-user-');
    expect(text.toLowerCase()).not.toContain('dupont');
    expect(
      rows
        .filter((r) => r.operation === 'personal-data.read')
        .every((r) => r.subject_ref?.startsWith('subj_')),
    ).toBe(true);
    const verified = await verifyAudit(env.store.db);
    expect(verified.ok).toBe(true);
  });
});
