import { describe, expect, it } from 'vitest';
import { isEndActionDue, retentionSchedule } from './due-dates.ts';

const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const day = (d: Date | undefined): string | undefined => d?.toISOString().slice(0, 10);

describe('retentionSchedule', () => {
  it('contract + 3 years active, then archive until 5 years after the end of contract', () => {
    const s = retentionSchedule(
      { duration: 'P3Y', endAction: 'delete', archive: { duration: 'P5Y', from: 'trigger', reason: 'x' } },
      utc('2020-06-30'),
    );
    expect(day(s.activeEnd)).toBe('2023-06-30');
    expect(day(s.archiveEnd)).toBe('2025-06-30');
    expect(day(s.endActionDue)).toBe('2025-06-30');
  });

  it('bank data: deleted at the transaction, archived 13 months from the debit date', () => {
    const s = retentionSchedule(
      {
        duration: 'P0D',
        endAction: 'delete',
        archive: { duration: 'P13M', from: 'active-end', trigger: 'debit-date', reason: 'payment-proof' },
      },
      utc('2025-01-31'),
      utc('2025-02-03'),
    );
    expect(day(s.activeEnd)).toBe('2025-01-31');
    expect(day(s.archiveEnd)).toBe('2026-03-03');
  });

  it('archive counted from the end of the active phase by default', () => {
    const s = retentionSchedule(
      {
        duration: 'P1Y',
        endAction: 'anonymise',
        archive: { duration: 'P2Y', from: 'active-end', reason: 'x' },
      },
      utc('2024-02-29'),
    );
    expect(day(s.activeEnd)).toBe('2025-02-28');
    expect(day(s.archiveEnd)).toBe('2027-02-28');
    expect(s.endAction).toBe('anonymise');
  });

  it('an archive counted from the trigger never ends before the active phase', () => {
    const s = retentionSchedule(
      { duration: 'P3Y', endAction: 'delete', archive: { duration: 'P1Y', from: 'trigger', reason: 'x' } },
      utc('2020-01-01'),
    );
    expect(day(s.archiveEnd)).toBe('2023-01-01');
  });

  it('is due only once the last day is over', () => {
    const rule = { duration: 'P1M', endAction: 'delete' as const };
    expect(isEndActionDue(rule, utc('2025-01-31'), utc('2025-02-28'))).toBe(false);
    expect(isEndActionDue(rule, utc('2025-01-31'), utc('2025-03-01'))).toBe(true);
  });
});
