/**
 * The audit trails in the console: entries page by page (pseudonymous subject references only),
 * verification of the hash chains (recorded with who ran it), and the latest verification.
 *
 * Access: the DPO, administrators and auditors read entries and verifications (tokens:
 * `audit:read`); agents do not — the trail lists every operation on every subject, which their
 * work on single requests does not need. The DPO and administrators run a verification (tokens:
 * `audit:verify`, e.g. a nightly monitor); auditors are read-only by rule and verify with the CLI
 * (`registre audit verify`) or read the latest result here.
 */
import { z } from 'zod';
import { AUDIT_OPERATIONS } from '../../audit/operations.ts';
import { createAuditConsole, TRAILS, trailDatabase } from '../../audit/verification-log.ts';
import { actorOf } from '../../consent/actor.ts';
import { loadTargetConfig } from '../../requests/fulfil/target-config.ts';
import type { RouteModule } from '../context.ts';
import { ZErrorEnvelope } from '../errors.ts';

export const AUDIT_READ = { roles: ['admin', 'dpo', 'auditor'], scopes: ['audit:read'] } as const;
export const AUDIT_VERIFY = { roles: ['admin', 'dpo'], scopes: ['audit:verify'] } as const;

const ZDay = z.iso.date({ message: 'expected a calendar day YYYY-MM-DD' });
const OPERATIONS = Object.keys(AUDIT_OPERATIONS) as [
  keyof typeof AUDIT_OPERATIONS,
  ...(keyof typeof AUDIT_OPERATIONS)[],
];

export const ZAuditEntriesQuery = z
  .strictObject({
    trail: z.enum(TRAILS).default('target'),
    operation: z.enum(OPERATIONS).optional(),
    from: ZDay.optional(),
    to: ZDay.optional(),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: '`from` must not be after `to`',
    path: ['to'],
  });

export const ZAuditEntry = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  operation: z.string(),
  subjectRef: z
    .string()
    .regex(/^subj_[0-9a-f]{32}$/)
    .nullable(),
  tables: z.array(z.string()),
  rowCounts: z.record(z.string(), z.number()),
  reason: z.string(),
  runId: z.string().nullable(),
  hash: z.string(),
});

export const ZAuditEntriesPage = z.strictObject({
  trail: z.enum(TRAILS),
  exists: z.boolean(),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  entries: z.array(ZAuditEntry),
});
export type TAuditEntriesPage = z.infer<typeof ZAuditEntriesPage>;

const ZTrailResult = z.strictObject({
  trail: z.enum(TRAILS),
  dialect: z.enum(['sqlite', 'postgres', 'mysql']).nullable(),
  status: z.enum(['intact', 'broken', 'absent', 'unreachable']),
  entries: z.number().int(),
  lastSeq: z.number().int(),
  lastHash: z.string().nullable(),
  problems: z.array(z.strictObject({ seq: z.number().int(), kind: z.string(), message: z.string() })),
  note: z.string().nullable(),
});

export const ZAuditVerification = z.strictObject({
  id: z.string(),
  verifiedAt: z.string(),
  actor: z.string(),
  actorName: z.string().nullable(),
  ok: z.boolean(),
  entries: z.number().int(),
  trails: z.array(ZTrailResult),
});
export type TAuditVerification = z.infer<typeof ZAuditVerification>;

export const auditRoutes: RouteModule = (app, ctx) => {
  const target = trailDatabase(loadTargetConfig(process.env).databaseUrl);
  app.addHook('onClose', async () => target.close());
  const audit = createAuditConsole({
    store: ctx.store.db,
    storeDialect: ctx.store.dialect,
    target,
    clock: ctx.clock,
  });
  const tags = ['audit'];

  app.get(
    '/v1/audit/entries',
    {
      config: { access: AUDIT_READ },
      schema: {
        tags,
        summary:
          "Entries of a trail, newest first: the organisation's database (target) or Registre's (store)",
        description:
          'Subjects appear only as pseudonymous references (`subj_…`); a reference of any other form is withheld (null).',
        querystring: ZAuditEntriesQuery,
        response: { 200: ZAuditEntriesPage, 503: ZErrorEnvelope },
      },
    },
    async (request) => audit.entries(request.query),
  );

  app.post(
    '/v1/audit/verify',
    {
      config: { access: AUDIT_VERIFY },
      schema: {
        tags,
        summary: 'Verify both hash chains now; the result is recorded with who asked',
        description:
          'Answers 200 whatever the result: `ok` is false when an entry was altered, removed, reordered or rewritten since an earlier verification, or when a trail could not be read.',
        body: z.strictObject({}).optional(),
        response: { 200: ZAuditVerification },
      },
    },
    async (request) => {
      const result = await audit.verify(actorOf(request.principal));
      request.log.info(
        { verificationId: result.id, ok: result.ok, entries: result.entries },
        'audit trails verified',
      );
      return result;
    },
  );

  app.get(
    '/v1/audit/verifications/latest',
    {
      config: { access: AUDIT_READ },
      schema: {
        tags,
        summary: 'The most recent verification (null when the trails were never verified)',
        response: { 200: z.strictObject({ verification: ZAuditVerification.nullable() }) },
      },
    },
    async () => ({ verification: await audit.latest() }),
  );
};
