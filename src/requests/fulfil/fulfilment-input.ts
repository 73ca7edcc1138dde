/** What the person fulfilling a request supplies, per right. */
import { z } from 'zod';
import { RESTRICTION_GROUNDS } from '../../engine/subject/restrict.ts';

const ZColumn = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, 'expected a column name of the data map');

export const ZFulfilment = z
  .discriminatedUnion('right', [
    z.strictObject({ right: z.literal('access') }),
    z.strictObject({ right: z.literal('portability') }),
    z.strictObject({ right: z.literal('erasure') }),
    z.strictObject({
      right: z.literal('rectification'),
      /** Column of the subject's identity rows → corrected value (as the subject asked). */
      changes: z
        .record(ZColumn, z.string().max(1000))
        .refine((changes) => Object.keys(changes).length > 0, 'give at least one column to correct')
        .refine((changes) => Object.keys(changes).length <= 50, 'at most 50 columns at once'),
    }),
    z.strictObject({
      right: z.literal('restriction'),
      /** Art 18(1) ground. */
      ground: z.enum(RESTRICTION_GROUNDS),
    }),
    z.strictObject({ right: z.literal('objection') }),
    z.strictObject({ right: z.literal('objection-direct-marketing') }),
  ])
  .meta({ id: 'Fulfilment' });
export type TFulfilment = z.infer<typeof ZFulfilment>;
