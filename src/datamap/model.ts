/**
 * The data map: YAML annotations of an organisation's own database, telling Registre where
 * personal data lives, whose it is, which activity and retention rule it serves, and how it is
 * erased. Every object is strict (a typo must not pass silently).
 *
 * Naming: `Z…` is a Zod schema, `T…` its inferred type.
 */
import { z } from 'zod';
import { ZTaxonomyId } from '../policy/taxonomy/types.ts';

/** A SQL identifier as written in the database (table or column name). */
export const ZSqlIdentifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]*$/, {
  message: 'expected a plain SQL identifier (letters, digits, underscore; no quotes, no schema prefix)',
});

/**
 * How one column is anonymised when its row is kept but must no longer identify anyone. `null`
 * needs a nullable column (`datamap check` reports a NOT NULL one as an error).
 */
export const ZAnonymiseMethod = z.enum([
  /** Set to NULL. */
  'null',
  /** Replace by a keyed hash (HMAC-SHA-256 under REGISTRE_SECRET): joins still work, identity is gone. */
  'hash',
  /** Keep the shape, hide the content: "j***@e***.fr", "+33 6** ** ** 12". */
  'mask',
  /** Coarsen: a date to its year (1st January), a postal code to its department, a number to its decade. */
  'generalise',
  /** A fixed replacement value given in `value`. */
  'constant',
]);

export const ZColumn = z.strictObject({
  /** Data category (taxonomy `dataCategories`); omit for non-personal columns with `personal: false`. */
  category: ZTaxonomyId.optional(),
  /** Explicitly not personal data (silences the "looks personal" warning of `datamap check`). */
  personal: z.boolean().optional(),
  /** The subject provided this value (Art 20 portability scope); defaults to false. */
  providedBySubject: z.boolean().optional(),
  /** This column identifies the subject (used to find a subject's rows for access and erasure). */
  identity: z.enum(['email', 'phone', 'name', 'customer-number', 'national-id', 'other']).optional(),
});
export type TColumn = z.infer<typeof ZColumn>;

/** One step of a path from a table to the table holding the subject's identity. */
export const ZPathStep = z.strictObject({
  /** Column of the current table holding the foreign key. */
  column: ZSqlIdentifier,
  /** Referenced table. */
  references: ZSqlIdentifier,
  /** Referenced column (the referenced table's key when omitted). */
  to: ZSqlIdentifier.optional(),
});

/** A column of the table recording one of the rule's `endsEarlierOn` events. */
export const ZEarlyEnd = z.strictObject({
  /** The event (taxonomy `triggerEvents`): one of the rule's `endsEarlierOn`. */
  event: ZTaxonomyId,
  /** Date or timestamp column set when the event happens for the row (NULL while it has not). */
  column: ZSqlIdentifier,
});

export const ZTableRetention = z.strictObject({
  /** Retention rule id in the policy (`activities[].retention[].id`). */
  rule: ZTaxonomyId,
  /** Column carrying the rule's trigger date (date or timestamp). */
  trigger: ZSqlIdentifier,
  /** Column carrying the archive phase's own trigger date, when the rule's archive has one. */
  archiveTrigger: ZSqlIdentifier.optional(),
  /** Column set to the time a row enters the intermediate archive (required when the rule archives). */
  archivedAt: ZSqlIdentifier.optional(),
  /**
   * Rows this rule applies to, when only some rows of the table are covered: a column compared
   * with a value (e.g. `{ column: status, equals: prospect }`).
   */
  where: z
    .strictObject({
      column: ZSqlIdentifier,
      equals: z.union([z.string(), z.number(), z.boolean(), z.null()]),
    })
    .optional(),
  /**
   * Where the rule's `endsEarlierOn` events are recorded ("3 years or until you ask us to
   * delete"): one column per event. A row's end action is due when the rule's deadline is over
   * or when one of these columns holds a day that is over (the event ends the period the way a
   * `P0D` trigger does: due from the day after). Each event must be one of the rule's.
   */
  endsEarlierOn: z.array(ZEarlyEnd).optional(),
  /**
   * For a rule with `longerWithConsent`: the column recording the subject's express consent to
   * keeping the data longer — a boolean (true: consent given) or the date consent was given (set:
   * consent given; the application clears it when consent is withdrawn). While consent stands,
   * the row stays in the active phase (neither archived nor ended); without it, the rule applies
   * from its trigger as written.
   */
  consentColumn: ZSqlIdentifier.optional(),
});

export const ZLegalHoldCondition = z.strictObject({
  /** Retention reason (taxonomy `retentionReasons`), e.g. accounting-obligation. */
  reason: ZTaxonomyId,
  /** The hold applies while `column` + `duration` is not over (e.g. invoice_date + P10Y). */
  column: ZSqlIdentifier.optional(),
  duration: z.string().optional(),
  /** The hold applies while this boolean column is true (e.g. `litigation`). */
  flag: ZSqlIdentifier.optional(),
  /** The hold applies while rows of another table referencing this row are under their own hold. */
  heldBy: ZSqlIdentifier.optional(),
});

export const ZErasure = z.discriminatedUnion('strategy', [
  z.strictObject({ strategy: z.literal('delete') }),
  z.strictObject({
    strategy: z.literal('anonymise'),
    /** Column → method; columns not listed keep their value. */
    columns: z.record(
      ZSqlIdentifier,
      z.union([ZAnonymiseMethod, z.strictObject({ method: z.literal('constant'), value: z.string() })]),
    ),
    /** Column set to the time of anonymisation (makes the operation idempotent and resumable). */
    marker: ZSqlIdentifier,
  }),
  z.strictObject({
    strategy: z.literal('keep'),
    /** Why the rows are kept (taxonomy `retentionReasons`), shown to the subject. */
    reason: ZTaxonomyId,
  }),
]);
export type TErasure = z.infer<typeof ZErasure>;

export const ZTable = z.strictObject({
  /** Subject category the rows describe (taxonomy `subjectCategories`). */
  subject: ZTaxonomyId,
  /** Primary-key column (single column). */
  key: ZSqlIdentifier,
  /** Activities (policy activity ids) the table serves. */
  activities: z.array(ZTaxonomyId).min(1),
  /**
   * How to reach the subject's identity: empty or omitted when this table holds identity columns
   * itself; otherwise the foreign-key steps to the table that does.
   */
  path: z.array(ZPathStep).optional(),
  columns: z.record(ZSqlIdentifier, ZColumn),
  retention: z.array(ZTableRetention).default([]),
  /** What erasure does to this table's rows; sweeps use it at the end of retention too. */
  erasure: ZErasure,
  legalHolds: z.array(ZLegalHoldCondition).default([]),
});
export type TTable = z.infer<typeof ZTable>;

export const ZDataMap = z.strictObject({
  /** Data-map file format version. */
  'registre-datamap': z.literal(1),
  /** Path of the policy file this map enforces, relative to the data-map file. */
  policy: z.string().min(1),
  /** Default database URL (overridable on the command line). */
  database: z.string().min(1).optional(),
  tables: z.record(ZSqlIdentifier, ZTable),
});
export type TDataMap = z.infer<typeof ZDataMap>;
