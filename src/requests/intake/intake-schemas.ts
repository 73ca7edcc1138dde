/** What a request is made of, as the privacy center, the console and the CLI send it. */
import { z } from 'zod';
import { ZRequestRight } from '../rights.ts';

const CONTROL_LINE = /[\u0000-\u001f\u007f]/;
const CONTROL_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const ZSubjectEmail = z.email({ message: 'expected an e-mail address' }).max(254);

export const ZSubjectName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((value) => !CONTROL_LINE.test(value), 'control characters are not allowed');

/** Free text (details, notes, replies, reasons): up to 5 000 characters, line breaks allowed. */
export const ZFreeText = z
  .string()
  .trim()
  .min(1, 'the text is empty')
  .max(5000)
  .refine((value) => !CONTROL_TEXT.test(value), 'control characters are not allowed');

export const ZRequestLanguage = z.enum(['fr', 'en']);

/** A request from the public privacy center. */
export const ZPrivacyCenterIntake = z
  .strictObject({
    right: ZRequestRight,
    email: ZSubjectEmail,
    name: ZSubjectName.optional(),
    /** What the subject wants (which data to correct, which processing they object to…). */
    details: ZFreeText.optional(),
    /** Language of the messages; the policy's first language when absent. */
    language: ZRequestLanguage.optional(),
  })
  .meta({ id: 'PrivacyCenterIntake' });
export type TPrivacyCenterIntake = z.infer<typeof ZPrivacyCenterIntake>;

/** A request an agent records (received by e-mail, letter or phone, or in person). */
export const ZAgentIntake = z
  .strictObject({
    right: ZRequestRight,
    email: ZSubjectEmail,
    name: ZSubjectName.optional(),
    details: ZFreeText.optional(),
    language: ZRequestLanguage.optional(),
    channel: z.enum(['console', 'email', 'postal', 'phone']).default('console'),
    /** When the request reached the organisation (the clock runs from receipt); now when absent. */
    receivedAt: z.iso.datetime({ offset: true }).optional(),
    /**
     * The agent has already established the person's identity (e.g. the request came from the
     * address the organisation holds): no code is sent and the request is in progress at once.
     */
    identityVerified: z.boolean().default(false),
  })
  .meta({ id: 'AgentIntake' });
export type TAgentIntake = z.infer<typeof ZAgentIntake>;
