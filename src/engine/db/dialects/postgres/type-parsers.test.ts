import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { textParser } from './type-parsers.ts';

const { DATE, TIMESTAMP, TIMESTAMPTZ, INT8, NUMERIC } = pg.types.builtins;
const zone = process.env.TZ;

describe('PostgreSQL text parsers', () => {
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  for (const tz of ['UTC', 'Europe/Paris', 'Pacific/Kiritimati', 'America/Sao_Paulo']) {
    it(`reads a date as midnight UTC and a local timestamp as UTC in ${tz}`, () => {
      process.env.TZ = tz;
      expect((textParser(DATE)('2024-02-29') as Date).toISOString()).toBe('2024-02-29T00:00:00.000Z');
      expect((textParser(DATE)('0099-12-31') as Date).toISOString()).toBe('0099-12-31T00:00:00.000Z');
      expect((textParser(TIMESTAMP)('2024-02-29 23:59:59.029') as Date).toISOString()).toBe(
        '2024-02-29T23:59:59.029Z',
      );
      expect((textParser(TIMESTAMP)('1969-12-31 23:59:59.999999') as Date).toISOString()).toBe(
        '1969-12-31T23:59:59.999Z',
      );
      // With an offset, as node-pg reads it.
      expect((textParser(TIMESTAMPTZ)('2024-02-29 23:59:59+02') as Date).toISOString()).toBe(
        '2024-02-29T21:59:59.000Z',
      );
    });
  }

  it("keeps node-pg's reading of forms it does not cover, and of every other type", () => {
    process.env.TZ = 'Europe/Paris';
    expect(textParser(DATE)('infinity')).toBe(Number.POSITIVE_INFINITY);
    expect(textParser(TIMESTAMP)('-infinity')).toBe(Number.NEGATIVE_INFINITY);
    const bc = textParser(DATE)('0044-03-15 BC');
    expect(bc).toEqual(pg.types.getTypeParser(DATE, 'text')('0044-03-15 BC'));
    expect(textParser(INT8)('9223372036854775807')).toBe('9223372036854775807');
    expect(textParser(NUMERIC)('1.50')).toBe('1.50');
  });
});
