/** Roles ("habilitations") of the people who use Registre. */
import { z } from 'zod';

/**
 * - admin: accounts, tokens and configuration;
 * - dpo: the privacy lead, everything about the policy, requests, consent and breaches;
 * - agent: works data-subject requests;
 * - auditor: read-only (GET routes of the console only).
 */
export const ROLES = ['admin', 'dpo', 'agent', 'auditor'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;
