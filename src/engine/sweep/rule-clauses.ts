/**
 * The clauses of a retention rule that change which rows a sweep processes, as SQL conditions on
 * the columns the data map binds them to (see DESIGN.md beside this file):
 *
 * - `endsEarlierOn` ("3 years or until you ask us to delete"): a row whose bound event column
 *   holds a day that is over ends now, whatever its trigger. The event ends the period the way a
 *   `P0D` trigger does — due from the day after the event — so the cut-off is
 *   `retentionCutoff(today, 'P0D')`, never arithmetic of our own;
 * - `longerWithConsent` ("deleted at the transaction unless the customer expressly agrees"): a row
 *   whose consent column is set stays in the active phase while the consent stands;
 * - `renewalRequest` (CNIL prospects rule): the rows whose period is over by its own deadline (not
 *   by an early-end event, which ends it without a last request) may be asked once more.
 */

import { isDateType } from '../../datamap/check/date-columns.ts';
import type { TTable } from '../../datamap/model.ts';
import { retentionCutoff } from '../../policy/retention/index.ts';
import type { DialectAdapter, SchemaInfo } from '../db/types.ts';
import { anyOf, type Condition, dayOnOrBefore, equals, isNull, never, not } from './sql-conditions.ts';

type TRetentionUse = TTable['retention'][number];

/** Types holding a yes/no (booleans, and the integers SQLite and MySQL store them as). */
const FLAG_TYPE = /^(bool|boolean|bit|tinyint|smallint|int|integer|number)\b/;

export interface RuleClauses {
  /** Rows whose period an `endsEarlierOn` event has ended (`never` when the entry binds none). */
  readonly endedEarly: Condition;
  /** Rows whose subject consented to a longer retention (`never` without a `consentColumn`). */
  readonly consented: Condition;
  /** Columns the clauses read (checked against the live schema with the entry's others). */
  readonly columns: readonly string[];
  /** Facts the plan shows on the entry's steps. */
  readonly notes: readonly string[];
}

/** The condition "consent given" on `column`: true for a flag, set for a date or anything else. */
export function consentGiven(schema: SchemaInfo, table: string, column: string): Condition {
  const dataType = schema.tables.get(table)?.columns.find((c) => c.name === column)?.dataType ?? '';
  const normalised = dataType.trim().toLowerCase();
  if (!isDateType(normalised) && FLAG_TYPE.test(normalised)) return equals(column, true);
  return not(isNull(column));
}

/** The clause conditions of one data-map retention entry on `today`. */
export function ruleClauses(
  entry: TRetentionUse,
  table: string,
  schema: SchemaInfo,
  adapter: DialectAdapter,
  today: Date,
): RuleClauses {
  const notes: string[] = [];
  const early = entry.endsEarlierOn ?? [];
  const eventCutoff = retentionCutoff(today, 'P0D');
  const endedEarly = anyOf(early.map((e) => dayOnOrBefore(adapter, e.column, eventCutoff)));
  for (const e of early) {
    notes.push(`rows whose '${e.column}' (${e.event}) is set end early, from the day after the event`);
  }
  let consented: Condition = never;
  if (entry.consentColumn !== undefined) {
    consented = consentGiven(schema, table, entry.consentColumn);
    notes.push(
      `rows with the subject's consent in '${entry.consentColumn}' stay in the active phase while it stands (longerWithConsent)`,
    );
  }
  return {
    endedEarly,
    consented,
    columns: [
      ...early.map((e) => e.column),
      ...(entry.consentColumn === undefined ? [] : [entry.consentColumn]),
    ],
    notes,
  };
}
