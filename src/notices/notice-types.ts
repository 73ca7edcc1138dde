/** Shapes of published notice versions, shared by the service and the routes. */
import { z } from 'zod';

export const NOTICE_LANGUAGES = ['fr', 'en'] as const;
export const NOTICE_FORMATS = ['md', 'html'] as const;

export const ZNoticeLanguage = z.enum(NOTICE_LANGUAGES);
export const ZNoticeFormat = z.enum(NOTICE_FORMATS);

export const ZNoticeVersion = z.strictObject({
  id: z.string(),
  /** 1, 2, 3… in publication order. */
  version: z.number().int().positive(),
  /** The label and date the policy gives itself. */
  policyVersion: z.string(),
  policyDate: z.string().nullable(),
  publishedAt: z.string(),
  contentHash: z.string(),
});
export type TNoticeVersion = z.infer<typeof ZNoticeVersion>;
