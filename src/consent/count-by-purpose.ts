/** Current consent statuses counted per purpose key, for the dashboard (aggregates only, no personal data). */
import { z } from 'zod';
import type { ConsentLedgerDeps } from './ledger-deps.ts';
import { statusAt } from './read-ledger.ts';
import type { ConsentAction } from './types.ts';

export const ZPurposeCounts = z.array(
  z.strictObject({
    purpose: z.string(),
    given: z.number().int(),
    withdrawn: z.number().int(),
    refused: z.number().int(),
    expired: z.number().int(),
  }),
);

/** Current statuses counted per purpose key (subjects' latest events); no personal data. */
export async function countByPurpose(deps: ConsentLedgerDeps): Promise<z.infer<typeof ZPurposeCounts>> {
  const at = deps.clock().toISOString();
  const rows = await deps.db
    .selectFrom('consent_events as e')
    .select(['e.purpose', 'e.action', 'e.expires_at'])
    .where(({ eb, selectFrom }) =>
      eb(
        'e.seq',
        '=',
        selectFrom('consent_events as l')
          .select(({ fn }) => fn.max('l.seq').as('m'))
          .whereRef('l.subject_key', '=', 'e.subject_key')
          .whereRef('l.purpose', '=', 'e.purpose'),
      ),
    )
    .execute();
  const counts = new Map<string, { given: number; withdrawn: number; refused: number; expired: number }>();
  for (const row of rows) {
    const entry = counts.get(row.purpose) ?? { given: 0, withdrawn: 0, refused: 0, expired: 0 };
    const status = statusAt(
      { purpose: row.purpose, action: row.action as ConsentAction, at: '', expiresAt: row.expires_at },
      at,
    );
    if (status === 'ConsentGiven') entry.given += 1;
    else if (status === 'ConsentWithdrawn') entry.withdrawn += 1;
    else if (status === 'ConsentRefused') entry.refused += 1;
    else entry.expired += 1;
    counts.set(row.purpose, entry);
  }
  return [...counts.entries()]
    .map(([purpose, c]) => ({ purpose, ...c }))
    .sort((a, b) => a.purpose.localeCompare(b.purpose));
}
