/**
 * The server's configuration, from the environment only, validated with Zod. Secrets are not
 * part of it: REGISTRE_SECRET comes from src/config/secret.ts, REGISTRE_EXPORT_KEY from
 * src/crypto/export-key.ts; REGISTRE_SMTP_URL (it may hold a password) is kept here but never
 * echoed in an error.
 */
import { z } from 'zod';
import { RegistreError } from '../errors/registry.ts';
import { parseCron } from '../jobs/cron.ts';
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

/** A 5-field UTC cron expression, or `off` (null). */
const cron = (name: string, fallback: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = value === undefined || value.trim() === '' ? fallback : value.trim();
      if (text.toLowerCase() === 'off') return null;
      try {
        return parseCron(text).expression;
      } catch (error) {
        const why = (error as Error).message.replace(/^cron expression '.*?': /, '');
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a 5-field UTC cron expression or off: ${why}`,
        });
        return z.NEVER;
      }
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
  REGISTRE_JOBS: z
    .string()
    .optional()
    .refine((value) => value === undefined || ['', 'on', 'off'].includes(value.trim().toLowerCase()), {
      message: 'REGISTRE_JOBS must be on or off',
    }),
  REGISTRE_JOBS_POLL_SECONDS: integer('REGISTRE_JOBS_POLL_SECONDS', 1, 3600, 30),
  REGISTRE_JOBS_PG_SCHEMA: z
    .string()
    .optional()
    .refine((value) => value === undefined || value === '' || /^[a-z_][a-z0-9_]{0,49}$/.test(value), {
      message: 'REGISTRE_JOBS_PG_SCHEMA must be a PostgreSQL schema name: a-z, 0-9, _ (at most 50)',
    }),
  REGISTRE_REMINDER_DAYS: integer('REGISTRE_REMINDER_DAYS', 0, 60, 7),
  REGISTRE_REMINDER_CRON: cron('REGISTRE_REMINDER_CRON', '0 7 * * *'),
  REGISTRE_SESSION_PURGE_CRON: cron('REGISTRE_SESSION_PURGE_CRON', '*/15 * * * *'),
  REGISTRE_EXPORT_EXPIRY_CRON: cron('REGISTRE_EXPORT_EXPIRY_CRON', '5 * * * *'),
  REGISTRE_SWEEP_CRON: cron('REGISTRE_SWEEP_CRON', 'off'),
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
  /** Background jobs (src/jobs/README.md). */
  readonly jobs: ServerJobsConfig;
}

export interface ServerJobsConfig {
  /** REGISTRE_JOBS (default on). */
  readonly enabled: boolean;
  readonly pollSeconds: number;
  /** pg-boss schema; null: derived from the store's schema. */
  readonly pgSchema: string | null;
  /** A request is reminded when this many days or fewer are left. */
  readonly reminderDays: number;
  /** Cron expression of each scheduled job; null: off. */
  readonly reminderCron: string | null;
  readonly sessionPurgeCron: string | null;
  readonly exportExpiryCron: string | null;
  /** Scheduled retention sweep (execution) on the organisation's database; off by default. */
  readonly sweepCron: string | null;
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
    jobs: {
      enabled: (e.REGISTRE_JOBS ?? '').trim().toLowerCase() !== 'off',
      pollSeconds: e.REGISTRE_JOBS_POLL_SECONDS,
      pgSchema:
        e.REGISTRE_JOBS_PG_SCHEMA === undefined || e.REGISTRE_JOBS_PG_SCHEMA === ''
          ? null
          : e.REGISTRE_JOBS_PG_SCHEMA,
      reminderDays: e.REGISTRE_REMINDER_DAYS,
      reminderCron: e.REGISTRE_REMINDER_CRON,
      sessionPurgeCron: e.REGISTRE_SESSION_PURGE_CRON,
      exportExpiryCron: e.REGISTRE_EXPORT_EXPIRY_CRON,
      sweepCron: e.REGISTRE_SWEEP_CRON,
    },
  };
}
