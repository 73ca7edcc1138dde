/**
 * The breach register on a real store (SQLite and PostgreSQL): awareness and the 72-hour clock,
 * content in phases, decisions, notifications (late ones with their reasons), closing, and the
 * record kept whether notified or not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/verify-audit.ts';
import { createBreachRegister } from '../../src/breach/breach-register.ts';
import { manualClock, openTestStore, type TestStore } from '../../src/consent/testing/open-test-store.ts';
import { loadConsentTestPolicy } from '../../src/consent/testing/policy-fixture.ts';
import { availableDialects } from '../support/targets.ts';

const policy = loadConsentTestPolicy();
const dialects = await availableDialects(['sqlite', 'postgres']);

describe.each(dialects)('breach register on %s', (dialect) => {
  let env: TestStore;
  const clock = manualClock('2025-03-29T08:00:00.000Z');
  const register = () => createBreachRegister({ db: env.store.db, clock, policy });

  beforeAll(async () => {
    env = await openTestStore(dialect);
  });
  afterAll(async () => {
    await env?.dispose();
  });

  it('records a breach, starts the clock at awareness and fills the Art 33(3) content in phases', async () => {
    const breach = await register().record(
      {
        title: 'Lost laptop, sales team',
        awareAt: '2025-03-28T23:30:00+01:00',
        occurredAt: '2025-03-28T18:00:00.000Z',
        content: { nature: 'Unencrypted laptop lost in a train', dataCategories: ['name', 'email-address'] },
      },
      'user:dpo',
    );
    expect(breach).toMatchObject({
      status: 'open',
      awareAt: '2025-03-28T22:30:00.000Z',
      risk: null,
      clock: { deadline: '2025-03-31T22:30:00.000Z', hoursLeft: 62.5, state: 'running' },
      content: {
        nature: 'Unencrypted laptop lost in a train',
        dataCategories: ['name', 'email-address'],
        contact: 'Claire Martin, dpo@boutique.example',
      },
    });
    clock.advance(3_600_000);
    const completed = await register().addPhase(
      breach.id,
      {
        approxSubjects: 1200,
        approxRecords: 5_000_000_000,
        subjectCategories: ['customer'],
        consequences: 'Phishing',
      },
      'user:dpo',
    );
    expect(completed.phases.map((p) => [p.seq, p.at])).toEqual([
      [1, '2025-03-29T08:00:00.000Z'],
      [2, '2025-03-29T09:00:00.000Z'],
    ]);
    expect(completed.content).toMatchObject({
      nature: 'Unencrypted laptop lost in a train',
      approxSubjects: 1200,
      approxRecords: 5_000_000_000,
      consequences: 'Phishing',
    });
    // A later phase corrects an earlier field.
    const corrected = await register().addPhase(breach.id, { approxSubjects: 1350 }, 'user:dpo');
    expect(corrected.content.approxSubjects).toBe(1350);
    expect(corrected.phases[1]?.approxSubjects).toBe(1200);
  });

  it('checks categories against the taxonomy and times against awareness and now', async () => {
    await expect(
      register().record(
        {
          title: 'x',
          awareAt: '2025-03-29T07:00:00.000Z',
          content: { dataCategories: ['no-such-category'] },
        },
        'user:dpo',
      ),
    ).rejects.toMatchObject({ code: 'REG_ERR_BREACH_CONTENT_INVALID' });
    await expect(
      register().record({ title: 'x', awareAt: '2025-04-01T00:00:00.000Z' }, 'user:dpo'),
    ).rejects.toMatchObject({ code: 'REG_ERR_BREACH_TIME_INVALID' });
    await expect(
      register().record(
        { title: 'x', awareAt: '2025-03-20T00:00:00Z', occurredAt: '2025-03-21T00:00:00Z' },
        'user:dpo',
      ),
    ).rejects.toMatchObject({ code: 'REG_ERR_BREACH_TIME_INVALID' });
  });

  it('needs the decision before a notification, and the reasons for a late one', async () => {
    const [summary] = await register().list('open');
    const id = summary!.id;
    await expect(
      register().notify(
        id,
        { recipient: 'authority', at: '2025-03-29T09:00:00Z', channel: 'online-form' },
        'user:dpo',
      ),
    ).rejects.toMatchObject({ code: 'REG_ERR_BREACH_DECISION_INVALID' });
    await expect(
      register().assess(
        id,
        {
          risk: 'high',
          authority: { decision: 'not-required', reason: 'x' },
          subjects: { decision: 'inform' },
        },
        'user:dpo',
      ),
    ).rejects.toMatchObject({ code: 'REG_ERR_BREACH_DECISION_INVALID' });
    const assessed = await register().assess(
      id,
      { risk: 'high', authority: { decision: 'notify' }, subjects: { decision: 'inform' } },
      'user:dpo',
    );
    expect(assessed.subjects).toEqual({ decision: 'inform', ground: 'high-risk', note: null });
    clock.set('2025-04-01T10:00:00.000Z');
    expect((await register().get(id)).clock).toMatchObject({ state: 'overdue', hoursLeft: -11.5 });
    const late = {
      recipient: 'authority',
      at: '2025-04-01T09:00:00Z',
      channel: 'online-form',
      reference: 'CNIL-123',
    } as const;
    await expect(register().notify(id, late, 'user:dpo')).rejects.toMatchObject({
      code: 'REG_ERR_BREACH_DELAY_REASON_REQUIRED',
    });
    const notified = await register().notify(
      id,
      { ...late, delayReason: 'The extent was only known after the forensic report' },
      'user:dpo',
    );
    expect(notified.notifications).toEqual([
      expect.objectContaining({
        recipient: 'authority',
        late: true,
        reference: 'CNIL-123',
        at: '2025-04-01T09:00:00.000Z',
      }),
    ]);
    expect(notified.authority.delayReason).toBe('The extent was only known after the forensic report');
    expect(notified.clock).toMatchObject({
      state: 'notified-late',
      authorityNotifiedAt: '2025-04-01T09:00:00.000Z',
    });
    // Once notified, the authority cannot be "un-notified" by a new assessment.
    await expect(
      register().assess(
        id,
        {
          risk: 'unlikely',
          authority: { decision: 'not-required', reason: 'x' },
          subjects: { decision: 'not-required' },
        },
        'user:dpo',
      ),
    ).rejects.toMatchObject({ code: 'REG_ERR_BREACH_DECISION_INVALID' });
  });

  it('closes only once every decision has its notification, and then never changes', async () => {
    const [summary] = await register().list('open');
    const id = summary!.id;
    await expect(register().close(id, 'user:dpo')).rejects.toMatchObject({
      code: 'REG_ERR_BREACH_CLOSE_INCOMPLETE',
      details: { missing: ['no information of the subjects is recorded'] },
    });
    await register().notify(
      id,
      { recipient: 'subjects', at: '2025-04-01T09:30:00Z', channel: 'email', recipientsCount: 1350 },
      'user:dpo',
    );
    const closed = await register().close(id, 'user:dpo');
    expect(closed).toMatchObject({ status: 'closed', closedBy: 'user:dpo' });
    await expect(register().addPhase(id, { measuresTaken: 'x' }, 'user:dpo')).rejects.toMatchObject({
      code: 'REG_ERR_BREACH_CLOSED',
    });
  });

  it('keeps a breach that is not notified, with the reason, in the register', async () => {
    clock.set('2025-05-02T10:00:00.000Z');
    const minor = await register().record(
      {
        title: 'Mail to wrong colleague',
        awareAt: '2025-05-02T09:00:00Z',
        content: { nature: 'Misdirected e-mail' },
      },
      'user:dpo',
    );
    const decided = await register().assess(
      minor.id,
      {
        risk: 'unlikely',
        authority: {
          decision: 'not-required',
          reason: 'Internal recipient bound by confidentiality, deleted at once',
        },
        subjects: { decision: 'not-required' },
      },
      'user:dpo',
    );
    expect(decided.clock.state).toBe('not-required');
    expect(decided.subjects.ground).toBe('not-high-risk');
    await register().close(minor.id, 'user:dpo');
    const all = await register().list();
    expect(all.map((b) => [b.title, b.status])).toEqual([
      ['Mail to wrong colleague', 'closed'],
      ['Lost laptop, sales team', 'closed'],
    ]);
    await expect(register().get('no-such-id')).rejects.toMatchObject({ code: 'REG_ERR_BREACH_NOT_FOUND' });
  });

  it('wrote each change to the trail without naming any subject', async () => {
    const rows = (await env.store.db
      .selectFrom('registre_audit' as never)
      .selectAll()
      .execute()) as unknown as { operation: string; subject_ref: string | null }[];
    expect(rows.filter((r) => r.operation === 'breach.record')).toHaveLength(2);
    expect(rows.filter((r) => r.operation === 'breach.update').length).toBeGreaterThanOrEqual(8);
    expect(rows.every((r) => r.subject_ref === null)).toBe(true);
    expect((await verifyAudit(env.store.db)).ok).toBe(true);
  });
});
