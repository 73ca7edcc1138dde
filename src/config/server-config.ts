/**
 * The server's configuration, from the environment only, validated with Zod. Secrets are not
 * part of it: REGISTRE_SECRET comes from src/config/secret.ts, REGISTRE_EXPORT_KEY from
 * src/crypto/export-key.ts; REGISTRE_SMTP_URL (it may hold a password) is kept here but never
 * echoed in an error.
 */
import { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';
import { DEFAULT_STORE_URL } from '../store/open-store.ts';

const integer = (name: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return fallback;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be an integer from ${min} to ${max}` });
        return z.NEVER;
      }
      return parsed;
    });

const text = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? fallback : value.trim()));

const flag = (name: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '' || value === '0' || value === 'false') return false;
      if (value === '1' || value === 'true') return true;
      ctx.addIssue({ code: 'custom', message: `${name} must be true, false, 1 or 0` });
      return z.NEVER;
    });

/** The environment variables the server reads, with their defaults. */
export const ZServerEnv = z.object({
  REGISTRE_PORT: integer('REGISTRE_PORT', 0, 65_535, 3000),
  REGISTRE_HOST: text('127.0.0.1'),
  REGISTRE_DATABASE_URL: text(DEFAULT_STORE_URL),
  REGISTRE_PUBLIC_URL: z
    .string()
    .optional()
    .refine((value) => value === undefined || value === '' || /^https?:\/\/[^\s/]+(\/\S*)?$/.test(value), {
      message: 'REGISTRE_PUBLIC_URL must be an http:// or https:// URL, e.g. https://privacy.example.org',
    }),
  REGISTRE_SESSION_IDLE_MINUTES: integer('REGISTRE_SESSION_IDLE_MINUTES', 1, 1440, 15),
  REGISTRE_SESSION_MAX_HOURS: integer('REGISTRE_SESSION_MAX_HOURS', 1, 720, 12),
  REGISTRE_OUTBOX_DIR: text('.registre/outbox'),
  REGISTRE_SMTP_URL: z
    .string()
    .optional()
    .refine((value) => value === undefined || value === '' || /^smtps?:\/\/\S+$/.test(value), {
      message: 'REGISTRE_SMTP_URL must start with smtp:// or smtps://',
    }),
  REGISTRE_MAIL_FROM: text('Registre <registre@localhost>'),
  REGISTRE_POLICY: text('examples/demo/policy.yaml'),
  REGISTRE_RATE_LIMIT: integer('REGISTRE_RATE_LIMIT', 1, 1_000_000, 600),
  REGISTRE_SIGN_IN_RATE_LIMIT: integer('REGISTRE_SIGN_IN_RATE_LIMIT', 1, 1_000_000, 20),
  REGISTRE_TRUST_PROXY: flag('REGISTRE_TRUST_PROXY'),
  REGISTRE_ADMIN_EMAIL: z
    .string()
    .optional()
    .transform((value) =>
      value === undefined || value.trim() === '' ? 'admin@registre.local' : value.trim(),
    )
    .pipe(z.email({ message: 'REGISTRE_ADMIN_EMAIL must be an e-mail address' })),
});

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly storeUrl: string;
  /** Where people reach the server (links in e-mails, cookie `Secure` flag when https). */
  readonly publicBaseUrl: string;
  readonly sessionIdleMinutes: number;
  readonly sessionMaxHours: number;
  readonly outboxDir: string;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  readonly policyPath: string;
  /** Requests per minute per client address, all routes together. */
  readonly rateLimitPerMinute: number;
  /** Sign-in attempts per minute per client address. */
  readonly signInRateLimitPerMinute: number;
  readonly trustProxy: boolean;
  /** E-mail of the administrator created at first start. */
  readonly adminEmail: string;
  readonly secureCookies: boolean;
}

/**
 * Parse the server configuration from `env`. Throws REG_ERR_SERVER_CONFIG listing every invalid
 * variable and what it accepts (never the value itself).
 */
export function loadServerConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): ServerConfig {
  const parsed = ZServerEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? 'environment');
      return issue.message.startsWith(variable) ? issue.message : `${variable}: ${issue.message}`;
    });
    throw new RegistreError('REG_ERR_SERVER_CONFIG', `invalid server configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const publicBaseUrl = (
    e.REGISTRE_PUBLIC_URL === undefined || e.REGISTRE_PUBLIC_URL === ''
      ? `http://localhost:${e.REGISTRE_PORT}`
      : e.REGISTRE_PUBLIC_URL
  ).replace(/\/+$/, '');
  return {
    port: e.REGISTRE_PORT,
    host: e.REGISTRE_HOST,
    storeUrl: e.REGISTRE_DATABASE_URL,
    publicBaseUrl,
    sessionIdleMinutes: e.REGISTRE_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.REGISTRE_SESSION_MAX_HOURS,
    outboxDir: e.REGISTRE_OUTBOX_DIR,
    smtpUrl: e.REGISTRE_SMTP_URL === undefined || e.REGISTRE_SMTP_URL === '' ? null : e.REGISTRE_SMTP_URL,
    mailFrom: e.REGISTRE_MAIL_FROM,
    policyPath: e.REGISTRE_POLICY,
    rateLimitPerMinute: e.REGISTRE_RATE_LIMIT,
    signInRateLimitPerMinute: e.REGISTRE_SIGN_IN_RATE_LIMIT,
    trustProxy: e.REGISTRE_TRUST_PROXY,
    adminEmail: e.REGISTRE_ADMIN_EMAIL.toLowerCase(),
    secureCookies: publicBaseUrl.startsWith('https://'),
  };
}
