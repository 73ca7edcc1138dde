/**
 * PostgreSQL: how values reach JavaScript, for every pool `openTarget` opens.
 *
 * node-pg's defaults read a `date` and a `timestamp without time zone` as local time of the
 * Node.js process: with `TZ=Europe/Paris`, `date '2024-02-29'` became 2024-02-28T23:00Z, and an
 * access copy showed the day before. Registre's sessions run in UTC (`set time zone 'UTC'`), MySQL
 * connections in `+00:00`, SQLite stores ISO text read as UTC: a date here is midnight UTC and a
 * timestamp without time zone is read as UTC, whatever the process's time zone. Forms these do not
 * cover (BC dates, years beyond 9999, infinities) keep node-pg's reading. Every other type keeps
 * node-pg's parser.
 */
import pg from 'pg';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$/;

const defaultParser = (oid: number) => pg.types.getTypeParser(oid, 'text') as (text: string) => unknown;
const parseTimestampTz = defaultParser(pg.types.builtins.TIMESTAMPTZ);
const parseDate = defaultParser(pg.types.builtins.DATE);
const parseTimestamp = defaultParser(pg.types.builtins.TIMESTAMP);

/** A `date` as midnight UTC. */
function dayAsUtc(text: string): unknown {
  return DAY.test(text) ? parseTimestampTz(`${text} 00:00:00+00`) : parseDate(text);
}

/** A `timestamp without time zone` as UTC (node-pg's own reading of it with a `+00` offset). */
function timestampAsUtc(text: string): unknown {
  return LOCAL_TIMESTAMP.test(text) ? parseTimestampTz(`${text}+00`) : parseTimestamp(text);
}

/** The text parser Registre uses for a type: node-pg's, but dates and local timestamps in UTC. */
export function textParser(oid: number): (text: string) => unknown {
  if (oid === pg.types.builtins.DATE) return dayAsUtc;
  if (oid === pg.types.builtins.TIMESTAMP) return timestampAsUtc;
  return defaultParser(oid);
}

/** node-pg's `types` option: `textParser` for text results, node-pg's own for binary ones. */
export const registreTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : textParser(oid);
  },
} as pg.CustomTypesConfig;
