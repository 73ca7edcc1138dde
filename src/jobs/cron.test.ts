/**
 * The 5-field UTC cron parser: fields, errors naming what is wrong, Vixie's day rule, and
 * properties — `next` is the first matching minute after its argument (checked minute by minute
 * and against cron-parser 4, the parser pg-boss ships).
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCron } from './cron.ts';

const require = createRequire(import.meta.url);
const cronParser = require('cron-parser') as {
  parseExpression(
    expression: string,
    options: { currentDate: Date; tz: string },
  ): { next(): { toDate(): Date } };
};

const at = (iso: string) => new Date(iso);

describe('parseCron', () => {
  it('reads numbers, ranges, steps and lists', () => {
    const every = parseCron('*/15 9-17 * * 1-5');
    expect(every.next(at('2025-03-03T08:59:00Z')).toISOString()).toBe('2025-03-03T09:00:00.000Z');
    expect(every.next(at('2025-03-03T09:00:00Z')).toISOString()).toBe('2025-03-03T09:15:00.000Z');
    expect(every.next(at('2025-03-03T17:45:00Z')).toISOString()).toBe('2025-03-04T09:00:00.000Z');
    // Friday evening → Monday morning.
    expect(every.next(at('2025-03-07T17:50:00Z')).toISOString()).toBe('2025-03-10T09:00:00.000Z');
    const list = parseCron('5,35 1,13 * * *');
    expect(list.next(at('2025-03-03T01:35:00Z')).toISOString()).toBe('2025-03-03T13:05:00.000Z');
    const stepFrom = parseCron('10/20 0 * * *');
    expect(stepFrom.next(at('2025-03-03T00:30:30Z')).toISOString()).toBe('2025-03-03T00:50:00.000Z');
    const rangeStep = parseCron('0 0-12/6 * * *');
    expect(rangeStep.next(at('2025-03-03T06:00:00Z')).toISOString()).toBe('2025-03-03T12:00:00.000Z');
    expect(rangeStep.next(at('2025-03-03T12:00:00Z')).toISOString()).toBe('2025-03-04T00:00:00.000Z');
  });

  it('counts 0 and 7 as Sunday', () => {
    for (const expression of ['0 3 * * 0', '0 3 * * 7']) {
      expect(parseCron(expression).next(at('2025-03-03T00:00:00Z')).toISOString()).toBe(
        '2025-03-09T03:00:00.000Z',
      );
    }
  });

  it('matches either day field when both are restricted (Vixie cron)', () => {
    // The 1st of the month or any Monday.
    const either = parseCron('0 0 1 * 1');
    expect(either.next(at('2025-03-01T00:00:00Z')).toISOString()).toBe('2025-03-03T00:00:00.000Z');
    expect(either.next(at('2025-03-31T00:00:00Z')).toISOString()).toBe('2025-04-01T00:00:00.000Z');
    // Day of week alone.
    const mondays = parseCron('0 0 * * 1');
    expect(mondays.matches(at('2025-04-01T00:00:00Z'))).toBe(false);
  });

  it('finds 29 February and the 31st of the months that have one', () => {
    expect(parseCron('0 12 29 2 *').next(at('2025-01-01T00:00:00Z')).toISOString()).toBe(
      '2028-02-29T12:00:00.000Z',
    );
    expect(parseCron('0 0 31 * *').next(at('2025-04-01T00:00:00Z')).toISOString()).toBe(
      '2025-05-31T00:00:00.000Z',
    );
  });

  it('follows UTC, whatever the minute and second of its argument', () => {
    const hourly = parseCron('0 * * * *');
    expect(hourly.next(at('2025-03-03T09:00:00.001Z')).toISOString()).toBe('2025-03-03T10:00:00.000Z');
    expect(hourly.next(at('2025-03-03T08:59:59.999Z')).toISOString()).toBe('2025-03-03T09:00:00.000Z');
    expect(hourly.matches(at('2025-03-03T09:00:42Z'))).toBe(true);
    expect(hourly.expression).toBe('0 * * * *');
    expect(parseCron('  0   *  * * *  ').expression).toBe('0 * * * *');
  });

  it.each([
    ['', /0 field\(s\)/],
    ['* * * *', /4 field\(s\)/],
    ['0 0 * * * *', /6 field\(s\)/],
    ['60 * * * *', /minute: 60 is outside 0–59/],
    ['* 24 * * *', /hour: 24 is outside 0–23/],
    ['* * 0 * *', /day of month: 0 is outside 1–31/],
    ['* * * 13 *', /month: 13 is outside 1–12/],
    ['* * * * 8', /day of week: 8 is outside 0–7/],
    ['* * * * MON', /day of week: 'MON' is not a number/],
    ['* * L * *', /day of month: 'L' is not a number/],
    ['*/0 * * * *', /step '0' must be a number from 1/],
    ['* * * * */2', /day of week: steps are not accepted/],
    ['5-1 * * * *', /range '5-1' goes backwards/],
    ['1,,2 * * * *', /'' is malformed/],
    ['0 0 30 2 *', /day of month 30 does not exist in month 2/],
    ['0 0 31 4 *', /day of month 31 does not exist in month 4/],
  ])('refuses %j, saying why', (expression, why) => {
    expect(() => parseCron(expression)).toThrow(why);
    try {
      parseCron(expression);
    } catch (error) {
      expect((error as { code: string }).code).toBe('REG_ERR_JOBS_CRON');
      expect((error as Error).message).toContain("e.g. '0 2 * * *'");
    }
  });
});

/** Fields the parser accepts (no day-of-week steps), as text; `overlaps`: lists may repeat values. */
function field(min: number, max: number, steps: boolean, overlaps: boolean): fc.Arbitrary<string> {
  const value = fc.integer({ min, max });
  const range = fc.tuple(value, value).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`);
  const parts: fc.Arbitrary<string>[] = [value.map(String), range];
  if (steps) {
    const step = fc.integer({ min: 1, max: Math.max(1, max - min) });
    parts.push(step.map((s) => `*/${s}`));
    parts.push(fc.tuple(range, step).map(([r, s]) => `${r}/${s}`));
  }
  const list = overlaps
    ? fc.array(fc.oneof(fc.constant('*'), ...parts), { minLength: 2, maxLength: 3 })
    : fc.uniqueArray(value, { minLength: 2, maxLength: 4 }).map((values) => values.map(String));
  return fc.oneof(
    fc.constant('*'),
    ...parts,
    list.map((items) => items.join(',')),
  );
}

function expressionArb(overlaps: boolean): fc.Arbitrary<string> {
  return fc
    .tuple(
      field(0, 59, true, overlaps),
      field(0, 23, true, overlaps),
      field(1, 28, true, overlaps),
      field(1, 12, true, overlaps),
      field(0, 7, false, overlaps),
    )
    .map((fields) => fields.join(' '));
}

const dateArb = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));

describe('parseCron properties', () => {
  it('next() is a matching minute after its argument, and no minute between them matches', () => {
    fc.assert(
      fc.property(expressionArb(true), dateArb, (expression, after) => {
        const cron = parseCron(expression);
        const next = cron.next(after);
        expect(next.getTime()).toBeGreaterThan(after.getTime());
        expect(next.getUTCSeconds() + next.getUTCMilliseconds()).toBe(0);
        expect(cron.matches(next)).toBe(true);
        // Minute by minute, over at most two days after `after`.
        const first = Math.floor(after.getTime() / 60_000) * 60_000 + 60_000;
        const end = Math.min(next.getTime(), first + 2 * 86_400_000);
        for (let t = first; t < end; t += 60_000) {
          if (cron.matches(new Date(t))) return false;
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });

  // cron-parser 4 miscounts lists that name a value twice (`1-3,1-5`, `0,0-6`): those are left out.
  it('agrees with cron-parser 4 (pg-boss’s parser) on the next minute', () => {
    fc.assert(
      fc.property(expressionArb(false), dateArb, (expression, after) => {
        const ours = parseCron(expression).next(after).toISOString();
        const theirs = cronParser
          .parseExpression(expression, { currentDate: after, tz: 'UTC' })
          .next()
          .toDate();
        expect(ours).toBe(theirs.toISOString());
      }),
      { numRuns: 300 },
    );
  });
});
