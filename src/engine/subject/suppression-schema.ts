/**
 * The suppression list of objections to direct marketing (Art 21(2)–(3)): it keeps only what is
 * needed to honour the objection — a keyed hash of the normalised e-mail address or phone number,
 * the purpose objected to and the day — so that a person who objected is never contacted again,
 * even after their other data is erased, without the list itself holding their identifiers.
 */
import type { AnyDb } from '../db/types.ts';

export const SUPPRESSION_TABLE = 'registre_suppression';

export interface SuppressionRow {
  /** HMAC-SHA-256 (hex) under the installation secret of the kind and normalised identifier. */
  hash: string;
  /** Purpose objected to (taxonomy `purposes`), e.g. `direct-marketing`. */
  purpose: string;
  /** Day the objection was recorded (`YYYY-MM-DD`). */
  since: string;
}

/** Create `registre_suppression` when absent (idempotent). */
export async function ensureSuppressionSchema(db: AnyDb): Promise<void> {
  await db.schema
    .createTable(SUPPRESSION_TABLE)
    .ifNotExists()
    .addColumn('hash', 'char(64)', (c) => c.notNull())
    .addColumn('purpose', 'varchar(100)', (c) => c.notNull())
    .addColumn('since', 'varchar(10)', (c) => c.notNull())
    .addPrimaryKeyConstraint('registre_suppression_pk', ['hash', 'purpose'])
    .execute();
}
