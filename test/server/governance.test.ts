/**
 * Governance routes of the console: the Art 30 register downloads, the processors with their
 * transfers, the audit entries and the verification of both trails (the organisation's database
 * and Registre's store), with role refusals. Runs on the SQLite and the PostgreSQL store; the
 * organisation's database is of the same dialect.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { appendAudit } from '../../src/audit/append-audit.ts';
import { type AuditEvent, ensureAuditSchema } from '../../src/audit/index.ts';
import { subjectRef } from '../../src/audit/subject-ref.ts';
import { createAuditConsole, trailDatabase } from '../../src/audit/verification-log.ts';
import type { TargetDb } from '../../src/engine/db/types.ts';
import { loadPolicyOrThrow } from '../../src/policy/load-policy.ts';
import type { LoadedPolicy } from '../../src/policy/loaded-policy.ts';
import type { RouteModule } from '../../src/server/context.ts';
import { auditRoutes } from '../../src/server/routes/audit.ts';
import { authRoutes } from '../../src/server/routes/auth.ts';
import { processorRoutes, type TProcessorList } from '../../src/server/routes/processors.ts';
import { registerRoutes } from '../../src/server/routes/register.ts';
import { userRoutes } from '../../src/server/routes/users.ts';
import { availableDialects, isolatedTarget } from '../support/targets.ts';
import {
  createAccountsFor,
  signedInPerson,
  startTestServer,
  TEST_SECRET,
  type TestPerson,
  type TestServer,
} from './support.ts';

const DEMO_POLICY = 'examples/demo/policy.yaml';

/** The demo policy plus processors whose transfers have no valid safeguard. */
async function riskyPolicy(dir: string): Promise<LoadedPolicy> {
  const doc = parse(readFileSync(DEMO_POLICY, 'utf8')) as { processors: unknown[] };
  doc.processors.push(
    // Located in India (no adequacy), lists no transfer.
    {
      id: 'offshore-desk',
      name: 'Offshore Desk',
      country: 'IN',
      role: 'processor',
      services: ['call-centre'],
    },
    // Privacy Shield next to valid clauses: covered, but the DPO check warns.
    {
      id: 'legacy-crm',
      name: 'Legacy CRM',
      country: 'US',
      role: 'processor',
      services: ['customer-support'],
      transfers: [{ country: 'US', safeguards: ['privacy-shield', 'scc'] }],
    },
    // A transfer to Brazil whose safeguard the policy does not state.
    {
      id: 'samba-mail',
      name: 'Samba Mail',
      country: 'BR',
      role: 'sub-processor',
      services: ['email-delivery'],
      transfers: [{ country: 'BR', safeguards: ['not-stated'] }],
    },
  );
  const file = join(dir, 'policy.yaml');
  writeFileSync(file, stringify(doc));
  return loadPolicyOrThrow(file);
}

/** Entries written as the engine writes them, in one transaction. */
async function engineWrites(target: TargetDb, events: readonly AuditEvent[]): Promise<void> {
  await ensureAuditSchema(target.db);
  await target.db
    .transaction()
    .execute((trx) => appendAudit(trx, events, { clock: () => new Date('2025-03-03T10:00:00.000Z') }));
}

const erasure = (n: number): AuditEvent => ({
  actor: 'job:sweep',
  operation: n % 2 === 0 ? 'retention.delete' : 'subject.erase',
  subjectRef: subjectRef(TEST_SECRET, 'customers', n),
  tables: ['customers'],
  rowCounts: { customers: 1 },
  reason: `test entry ${n}`,
});

describe.each(await availableDialects(['sqlite', 'postgres']))('governance routes on %s', (dialect) => {
  let server: TestServer;
  let target: Awaited<ReturnType<typeof isolatedTarget>>;
  let demo: LoadedPolicy;
  let policy: LoadedPolicy;
  let dir: string;
  let dpo: TestPerson;
  let admin: TestPerson;
  let agent: TestPerson;
  let auditor: TestPerson;
  const saved = { db: process.env.REGISTRE_TARGET_DB, map: process.env.REGISTRE_TARGET_DATAMAP };
  const withPolicy =
    (module: RouteModule): RouteModule =>
    (app, ctx) =>
      module(app, {
        ...ctx,
        get policy() {
          return policy;
        },
      });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'registre-governance-'));
    demo = await loadPolicyOrThrow(DEMO_POLICY);
    policy = demo;
    target = await isolatedTarget(dialect);
    process.env.REGISTRE_TARGET_DB = target.url;
    process.env.REGISTRE_TARGET_DATAMAP = 'examples/demo/datamap.yaml';
    server = await startTestServer(dialect, {
      routes: [authRoutes, userRoutes, withPolicy(registerRoutes), withPolicy(processorRoutes), auditRoutes],
    });
    [dpo, admin, agent, auditor] = [
      await signedInPerson(server, 'dpo'),
      await signedInPerson(server, 'admin'),
      await signedInPerson(server, 'agent'),
      await signedInPerson(server, 'auditor'),
    ];
  });
  afterAll(async () => {
    await server?.dispose();
    await target?.dispose();
    rmSync(dir, { recursive: true, force: true });
    if (saved.db === undefined) delete process.env.REGISTRE_TARGET_DB;
    else process.env.REGISTRE_TARGET_DB = saved.db;
    if (saved.map === undefined) delete process.env.REGISTRE_TARGET_DATAMAP;
    else process.env.REGISTRE_TARGET_DATAMAP = saved.map;
  });

  const as = (who: TestPerson, method: 'GET' | 'POST', url: string) =>
    server.app.inject({
      method,
      url,
      headers: { cookie: who.cookie },
      ...(method === 'POST' ? { payload: {} } : {}),
    });

  describe('register', () => {
    it('downloads the CSV with one row per activity and the Art 30 record of each', async () => {
      const response = await as(agent, 'GET', '/v1/register?format=csv');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        'attachment; filename="register-art30-facturo-2025-03-03.csv"',
      );
      const lines = response.body
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split(/\r?\n/);
      const rows = lines.slice(1);
      expect(rows).toHaveLength(demo.policy.activities.length);
      const controller = demo.policy.activities.filter((a) => a.role === 'controller').length;
      expect(rows.filter((r) => r.startsWith('30(1),'))).toHaveLength(controller);
      expect(rows.filter((r) => r.startsWith('30(2),'))).toHaveLength(
        demo.policy.activities.length - controller,
      );
      for (const activity of demo.policy.activities) {
        expect(rows.some((row) => row.includes(`,${activity.id},`))).toBe(true);
      }
    });

    it('serves JSON, HTML, the processor record alone and the DPV JSON-LD export', async () => {
      const json = await as(auditor, 'GET', '/v1/register?format=json&lang=en');
      expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
      const register = json.json() as { lang: string; controllerRecord: { rows: unknown[] } };
      expect(register.lang).toBe('en');
      expect(register.controllerRecord.rows).toHaveLength(
        demo.policy.activities.filter((a) => a.role === 'controller').length,
      );
      const html = await as(dpo, 'GET', '/v1/register?format=html&record=processor');
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(html.headers['content-disposition']).toContain('register-art30-processor-facturo');
      expect(html.body).toMatch(/^<!doctype html>/i);
      const dpv = await as(dpo, 'GET', '/v1/register?format=dpv');
      expect(dpv.headers['content-type']).toBe('application/ld+json; charset=utf-8');
      expect(dpv.headers['content-disposition']).toContain('.jsonld"');
      expect(dpv.json()['@context']).toBeDefined();
    });

    it('refuses an unknown format, and tokens without register:read', async () => {
      const bad = await as(dpo, 'GET', '/v1/register?format=pdf');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().details[0].path).toBe('querystring.format');
      const accounts = createAccountsFor(server);
      const reader = await accounts.createApiToken({ name: 'grc', scopes: ['register:read'] }, null);
      const other = await accounts.createApiToken({ name: 'other', scopes: ['audit:read'] }, null);
      const withToken = (token: string) =>
        server.app.inject({
          method: 'GET',
          url: '/v1/register',
          headers: { authorization: `Bearer ${token}` },
        });
      expect((await withToken(reader.token)).statusCode).toBe(200);
      expect((await withToken(other.token)).statusCode).toBe(403);
      expect((await server.app.inject({ method: 'GET', url: '/v1/register' })).statusCode).toBe(401);
    });
  });

  describe('processors', () => {
    it('lists every processor with its country, and no warning for the demo policy', async () => {
      const response = await as(agent, 'GET', '/v1/processors');
      expect(response.statusCode).toBe(200);
      const list = response.json() as TProcessorList;
      expect(list.processors.map((p) => [p.id, p.country])).toEqual(
        demo.policy.processors.map((p) => [p.id, p.country]),
      );
      const zendesk = list.processors.find((p) => p.id === 'zendesk')!;
      expect(zendesk.countryName).toBe('États-Unis');
      expect(zendesk.transfers).toEqual([
        expect.objectContaining({ country: 'US', status: 'safeguarded', implied: false }),
      ]);
      expect(list.processors.find((p) => p.id === 'sage')!.transfers[0]!.status).toBe('adequacy');
      expect(list.processors.find((p) => p.id === 'ovh')!.activities.length).toBeGreaterThan(0);
      expect(list.processors.filter((p) => p.transferWarning)).toEqual([]);
    });

    it('flags transfers without a valid safeguard and attaches the DPO checks', async () => {
      policy = await riskyPolicy(dir);
      try {
        const list = (await as(dpo, 'GET', '/v1/processors?lang=en')).json() as TProcessorList;
        const byId = new Map(list.processors.map((p) => [p.id, p]));
        const offshore = byId.get('offshore-desk')!;
        expect(offshore.transferWarning).toBe(true);
        expect(offshore.transfers).toEqual([
          expect.objectContaining({
            country: 'IN',
            countryName: 'India',
            implied: true,
            status: 'no-valid-safeguard',
          }),
        ]);
        expect(offshore.findings.map((f) => f.code)).toEqual(['transfer-without-safeguard']);
        const samba = byId.get('samba-mail')!;
        expect(samba.transferWarning).toBe(true);
        expect(samba.transfers[0]!.safeguards).toEqual([
          expect.objectContaining({ id: 'not-stated', valid: false }),
        ]);
        const legacy = byId.get('legacy-crm')!;
        expect(legacy.transferWarning).toBe(false);
        expect(legacy.transfers[0]!.safeguards.map((s) => [s.id, s.valid])).toEqual([
          ['privacy-shield', false],
          ['scc', true],
        ]);
        expect(legacy.findings.map((f) => [f.severity, f.code])).toEqual([
          ['warning', 'privacy-shield-transfer'],
        ]);
        expect(byId.get('zendesk')!.findings).toEqual([]);
      } finally {
        policy = demo;
      }
    });
  });

  describe('audit trail', () => {
    it('reports the trails absent before anything was written, and never verified', async () => {
      const latest = await as(dpo, 'GET', '/v1/audit/verifications/latest');
      expect(latest.statusCode).toBe(200);
      expect(latest.json()).toEqual({ verification: null });
      const entries = await as(dpo, 'GET', '/v1/audit/entries');
      expect(entries.json()).toMatchObject({ trail: 'target', exists: false, total: 0, entries: [] });
    });

    it('lists entries newest first, page by page, filtered by operation and day', async () => {
      await engineWrites(
        target.target,
        Array.from({ length: 7 }, (_, i) => erasure(i + 1)),
      );
      const first = (await as(auditor, 'GET', '/v1/audit/entries?pageSize=3')).json();
      expect(first).toMatchObject({ exists: true, total: 7, page: 1, pageSize: 3 });
      expect(first.entries.map((e: { seq: number }) => e.seq)).toEqual([7, 6, 5]);
      expect(first.entries[0]).toMatchObject({
        operation: 'subject.erase',
        subjectRef: subjectRef(TEST_SECRET, 'customers', 7),
        tables: ['customers'],
        rowCounts: { customers: 1 },
      });
      const third = (await as(auditor, 'GET', '/v1/audit/entries?pageSize=3&page=3')).json();
      expect(third.entries.map((e: { seq: number }) => e.seq)).toEqual([1]);
      const deletes = (await as(dpo, 'GET', '/v1/audit/entries?operation=retention.delete')).json();
      expect(deletes.total).toBe(3);
      const dated = (await as(dpo, 'GET', '/v1/audit/entries?from=2025-03-03&to=2025-03-03')).json();
      expect(dated.total).toBe(7);
      const before = (await as(dpo, 'GET', '/v1/audit/entries?to=2025-03-02')).json();
      expect(before.total).toBe(0);
      const after = (await as(dpo, 'GET', '/v1/audit/entries?from=2025-03-04')).json();
      expect(after.total).toBe(0);
    });

    it('withholds a subject reference that is not a pseudonym', async () => {
      await engineWrites(target.target, [{ ...erasure(8), subjectRef: 'jeanne.martin@example.org' }]);
      const page = (await as(dpo, 'GET', '/v1/audit/entries?pageSize=1')).json();
      expect(page.entries[0].seq).toBe(8);
      expect(page.entries[0].subjectRef).toBeNull();
      expect(JSON.stringify(page)).not.toContain('jeanne.martin');
    });

    it('validates the filters with errors naming the field', async () => {
      const cases = [
        ['operation=drop.everything', 'querystring.operation'],
        ['from=yesterday', 'querystring.from'],
        ['from=2025-03-02&to=2025-03-01', 'querystring.to'],
        ['pageSize=201', 'querystring.pageSize'],
        ['trail=elsewhere', 'querystring.trail'],
      ] as const;
      for (const [query, path] of cases) {
        const response = await as(dpo, 'GET', `/v1/audit/entries?${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(
          response.json().details.map((d: { path: string }) => d.path),
          query,
        ).toContain(path);
      }
    });

    it('verifies both trails, records who did it, and appends an audit.verify entry', async () => {
      server.clock.advance(60_000);
      const response = await as(dpo, 'POST', '/v1/audit/verify');
      expect(response.statusCode).toBe(200);
      const result = response.json();
      const storeBefore = result.trails.find((t: { trail: string }) => t.trail === 'store');
      expect(result).toMatchObject({
        ok: true,
        actor: `user:${dpo.id}`,
        actorName: 'Test dpo',
        verifiedAt: server.clock().toISOString(),
      });
      expect(result.trails[0]).toMatchObject({
        trail: 'target',
        dialect,
        status: 'intact',
        entries: 8,
        lastSeq: 8,
      });
      expect(result.entries).toBe(8 + storeBefore.entries);
      const latest = (await as(auditor, 'GET', '/v1/audit/verifications/latest')).json();
      expect(latest.verification).toEqual(result);
      const store = (await as(dpo, 'GET', '/v1/audit/entries?trail=store&operation=audit.verify')).json();
      expect(store.total).toBe(1);
      expect(store.entries[0]).toMatchObject({
        actor: `user:${dpo.id}`,
        operation: 'audit.verify',
        subjectRef: null,
      });
      expect(server.logs.some((line) => line.includes('audit trails verified'))).toBe(true);
    });

    it('reports an altered entry as a failed verification', async () => {
      await target.target.db
        .updateTable('registre_audit')
        .set({ reason: 'nothing happened here' })
        .where('seq', '=', 3)
        .execute();
      server.clock.advance(60_000);
      const result = (await as(admin, 'POST', '/v1/audit/verify')).json();
      expect(result.ok).toBe(false);
      expect(result.trails[0]).toMatchObject({ trail: 'target', status: 'broken', entries: 8 });
      expect(result.trails[0].problems).toEqual([expect.objectContaining({ seq: 3, kind: 'altered' })]);
      expect(result.trails[1]).toMatchObject({ trail: 'store', status: 'intact' });
      const latest = (await as(dpo, 'GET', '/v1/audit/verifications/latest')).json();
      expect(latest.verification).toMatchObject({ id: result.id, ok: false, actor: `user:${admin.id}` });
    });

    it('catches a trail rewritten consistently since the last intact verification', async () => {
      // Rewrite the whole trail with fewer, self-consistent entries: the chain alone looks intact.
      await sql`delete from registre_audit`.execute(target.target.db);
      await target.target.db
        .updateTable('registre_audit_head')
        .set({ seq: 0, hash: '0'.repeat(64) })
        .execute();
      await engineWrites(target.target, [erasure(1), erasure(2)]);
      server.clock.advance(60_000);
      const result = (await as(dpo, 'POST', '/v1/audit/verify')).json();
      expect(result.ok).toBe(false);
      expect(result.trails[0].status).toBe('broken');
      expect(result.trails[0].problems).toEqual([
        expect.objectContaining({ seq: 8, kind: 'anchor-mismatch' }),
      ]);
    });

    it('refuses agents everything here, and auditors the verification', async () => {
      for (const url of ['/v1/audit/entries', '/v1/audit/verifications/latest']) {
        expect((await as(agent, 'GET', url)).statusCode, url).toBe(403);
      }
      expect((await as(agent, 'POST', '/v1/audit/verify')).statusCode).toBe(403);
      expect((await as(auditor, 'POST', '/v1/audit/verify')).statusCode).toBe(403);
      const accounts = createAccountsFor(server);
      const reader = await accounts.createApiToken({ name: 'siem', scopes: ['audit:read'] }, null);
      const monitor = await accounts.createApiToken({ name: 'monitor', scopes: ['audit:verify'] }, null);
      const call = (method: 'GET' | 'POST', url: string, token: string) =>
        server.app.inject({
          method,
          url,
          headers: { authorization: `Bearer ${token}` },
          ...(method === 'POST' ? { payload: {} } : {}),
        });
      expect((await call('POST', '/v1/audit/verify', reader.token)).statusCode).toBe(403);
      const verified = await call('POST', '/v1/audit/verify', monitor.token);
      expect(verified.statusCode).toBe(200);
      expect(verified.json().actor).toBe(`token:${monitor.view.id}`);
      expect(verified.json().actorName).toBeNull();
      expect((await call('GET', '/v1/audit/entries', reader.token)).statusCode).toBe(200);
      expect((await call('GET', '/v1/audit/entries', monitor.token)).statusCode).toBe(403);
    });
  });
});

describe('audit trail of an unreachable organisation database', () => {
  it('reports it unreachable (not absent) without the connection details, and refuses to list it', async () => {
    const server = await startTestServer('sqlite');
    const target = trailDatabase('postgres://registre:s3cret@127.0.0.1:1/nowhere');
    try {
      const audit = createAuditConsole({
        store: server.store.db,
        storeDialect: server.store.dialect,
        target,
        clock: server.clock,
      });
      const result = await audit.verify('user:someone');
      expect(result.ok).toBe(false);
      expect(result.trails[0]).toMatchObject({ trail: 'target', status: 'unreachable', entries: 0 });
      expect(JSON.stringify(result)).not.toMatch(/s3cret|nowhere|127\.0\.0\.1/);
      expect(result.trails[1]).toMatchObject({ trail: 'store', status: 'intact' });
      await expect(audit.entries({ trail: 'target', page: 1, pageSize: 10 })).rejects.toMatchObject({
        code: 'REG_ERR_GOVERNANCE_TRAIL_UNREACHABLE',
        status: 503,
      });
    } finally {
      await target.close();
      await server.dispose();
    }
  });
});
