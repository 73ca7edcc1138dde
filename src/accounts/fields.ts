/** Shared input fields of the accounts area (text without control characters, bounded). */
import { z } from 'zod';

const CONTROL = /[\u0000-\u001f\u007f]/;

export const ZEmail = z.email({ message: 'expected an e-mail address' }).max(320);

export const ZDisplayName = z
  .string()
  .trim()
  .min(1, 'a display name is required')
  .max(200)
  .refine((value) => !CONTROL.test(value), 'control characters are not allowed');

export const ZTotpCode = z.string().regex(/^\d{6}$/, 'expected the 6 digits shown by the authenticator app');

export const ZId = z.uuid({ message: 'expected a UUID' });
