/**
 * The consent routes through Fastify's inject(): the privacy center with its signed visitor
 * cookie and GPC, the API for applications (tokens with scopes), the console views, and logs free
 * of personal data. Runs on the SQLite and the PostgreSQL store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConsentTestPolicy } from '../../src/consent/testing/policy-fixture.ts';
import type { RouteModule } from '../../src/server/context.ts';
import { authRoutes } from '../../src/server/routes/auth.ts';
import { consentRoutes } from '../../src/server/routes/consent.ts';
import { gpcRoutes } from '../../src/server/routes/gpc.ts';
import { noticeRoutes } from '../../src/server/routes/notices.ts';
import { availableDialects } from '../support/targets.ts';
import {
  createAccountsFor,
  signedInPerson,
  startTestServer,
  type TestPerson,
  type TestServer,
} from './support.ts';

const policy = loadConsentTestPolicy();
const withPolicy =
  (module: RouteModule): RouteModule =>
  (app, ctx) =>
    module(app, { ...ctx, policy });

/** The `name=value` pair of the privacy-center cookie a response set. */
function visitorCookie(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((c) => c.name === 'registre_subject');
  if (cookie === undefined) throw new Error('no privacy-center cookie set');
  return `registre_subject=${cookie.value}`;
}

describe.each(await availableDialects(['sqlite', 'postgres']))('consent routes on %s', (dialect) => {
  let server: TestServer;
  let agent: TestPerson;
  let auditor: TestPerson;
  let readToken: string;
  let writeToken: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      routes: [authRoutes, withPolicy(consentRoutes), withPolicy(gpcRoutes), withPolicy(noticeRoutes)],
    });
    agent = await signedInPerson(server, 'agent');
    auditor = await signedInPerson(server, 'auditor');
    const accounts = createAccountsFor(server);
    readToken = (await accounts.createApiToken({ name: 'shop read', scopes: ['consent:read'] }, null)).token;
    writeToken = (await accounts.createApiToken({ name: 'shop write', scopes: ['consent:write'] }, null))
      .token;
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('gives a new visitor a signed cookie and lists the purposes that ask for consent', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/v1/privacy-center/preferences?lang=en',
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'registre_subject');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.value).toMatch(/^pc_[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{32}$/);
    const body = response.json();
    expect(body.gpc).toEqual({ signal: false, objections: [] });
    expect(body.preferences.purposes.map((p: { purpose: string }) => p.purpose).sort()).toEqual(
      ['ads', 'audience', 'data-sharing-with-partners', 'newsletter', 'partner-offers'].sort(),
    );
    expect(body.preferences.purposes.every((p: { status: unknown }) => p.status === null)).toBe(true);
  });

  it('records the visitor’s consent and withdrawal, and shows only their own receipts', async () => {
    const first = await server.app.inject({ method: 'GET', url: '/v1/privacy-center/preferences' });
    const cookie = visitorCookie(first);
    const given = await server.app.inject({
      method: 'POST',
      url: '/v1/privacy-center/consent/give',
      headers: { cookie },
      payload: { purpose: 'newsletter', lang: 'en' },
    });
    expect(given.statusCode).toBe(200);
    const record = given.json().record;
    expect(record).toMatchObject({ status: 'ConsentGiven', channel: 'privacy-center', recorded: true });
    expect(record.receipt.piiPrincipalId).toMatch(/^pc_/);
    expect(given.cookies.find((c) => c.name === 'registre_subject')).toBeUndefined();

    const own = await server.app.inject({
      method: 'GET',
      url: `/v1/privacy-center/receipts/${record.id}`,
      headers: { cookie },
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().consentReceiptID).toBe(record.id);
    const stranger = visitorCookie(
      await server.app.inject({ method: 'GET', url: '/v1/privacy-center/preferences' }),
    );
    const theirs = await server.app.inject({
      method: 'GET',
      url: `/v1/privacy-center/receipts/${record.id}`,
      headers: { cookie: stranger },
    });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('REG_ERR_CONSENT_RECEIPT_NOT_FOUND');

    const withdrawn = await server.app.inject({
      method: 'POST',
      url: '/v1/privacy-center/consent/withdraw',
      headers: { cookie },
      payload: { purpose: 'newsletter' },
    });
    expect(withdrawn.json().record).toMatchObject({ status: 'ConsentWithdrawn', recorded: true });
    const prefs = await server.app.inject({
      method: 'GET',
      url: '/v1/privacy-center/preferences',
      headers: { cookie },
    });
    expect(
      prefs.json().preferences.purposes.find((p: { purpose: string }) => p.purpose === 'newsletter').status,
    ).toBe('ConsentWithdrawn');
  });

  it('does not trust a forged cookie and refuses cross-site writes', async () => {
    const forged = 'registre_subject=pc_AAAAAAAAAAAAAAAAAAAAAA.forgedforgedforgedforgedforged00';
    const response = await server.app.inject({
      method: 'GET',
      url: '/v1/privacy-center/preferences',
      headers: { cookie: forged },
    });
    expect(visitorCookie(response)).not.toBe(forged);
    const crossSite = await server.app.inject({
      method: 'POST',
      url: '/v1/privacy-center/consent/give',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: { purpose: 'newsletter' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().code).toBe('REG_ERR_SERVER_CROSS_ORIGIN');
  });

  it('honours Sec-GPC: 1 as an objection to marketing and sharing, and says so', async () => {
    const first = await server.app.inject({ method: 'GET', url: '/v1/privacy-center/preferences' });
    const cookie = visitorCookie(first);
    await server.app.inject({
      method: 'POST',
      url: '/v1/privacy-center/consent/give',
      headers: { cookie },
      payload: { purpose: 'partner-offers' },
    });
    server.clock.advance(1000);
    const signalled = await server.app.inject({
      method: 'GET',
      url: '/v1/privacy-center/preferences',
      headers: { cookie, 'sec-gpc': '1' },
    });
    const body = signalled.json();
    expect(body.gpc.signal).toBe(true);
    expect(body.gpc.objections.map((o: { scope: string; source: string }) => [o.scope, o.source])).toEqual([
      ['class:marketing', 'gpc'],
      ['class:sharing', 'gpc'],
    ]);
    expect(body.preferences.objections).toHaveLength(2);
    const id = cookie.split('=')[1]!.split('.')[0]!;
    const decision = await server.app.inject({
      method: 'GET',
      url: `/v1/may-process?subject=${id}&purpose=partner-offers`,
      headers: { authorization: `Bearer ${readToken}` },
    });
    expect(decision.json()).toMatchObject({ allowed: false });
    expect(decision.json().reasons).toContainEqual(
      expect.objectContaining({ code: 'objection', source: 'gpc' }),
    );
  });

  it('lets applications record consent and ask may-process with a token', async () => {
    const given = await server.app.inject({
      method: 'POST',
      url: '/v1/consents/give',
      headers: { authorization: `Bearer ${writeToken}` },
      payload: { subject: { email: 'marie.curie@example.org' }, purpose: 'newsletter', channel: 'web-form' },
    });
    expect(given.statusCode).toBe(200);
    expect(given.json().receipt.piiPrincipalId).toMatch(/^subj_[0-9a-f]{32}$/);
    const ask = await server.app.inject({
      method: 'POST',
      url: '/v1/may-process',
      headers: { authorization: `Bearer ${readToken}` },
      payload: { subject: { email: 'Marie.Curie@example.org' }, purpose: 'newsletter' },
    });
    expect(ask.statusCode).toBe(200);
    expect(ask.json()).toMatchObject({ allowed: true, purpose: 'newsletter' });
    const byRow = await server.app.inject({
      method: 'GET',
      url: '/v1/may-process?table=customers&key=7&purpose=customer-accounts',
      headers: { authorization: `Bearer ${readToken}` },
    });
    expect(byRow.json()).toMatchObject({
      allowed: true,
      reasons: [{ code: 'legal-basis', bases: ['contract'] }],
    });
    const unknown = await server.app.inject({
      method: 'GET',
      url: '/v1/may-process?subject=u1&purpose=no-such-purpose',
      headers: { authorization: `Bearer ${readToken}` },
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('REG_ERR_CONSENT_PURPOSE_UNKNOWN');
    const both = await server.app.inject({
      method: 'GET',
      url: '/v1/may-process?subject=u1&table=t&key=1&purpose=newsletter',
      headers: { authorization: `Bearer ${readToken}` },
    });
    expect(both.statusCode).toBe(400);
    const wrongScope = await server.app.inject({
      method: 'POST',
      url: '/v1/consents/give',
      headers: { authorization: `Bearer ${readToken}` },
      payload: { subject: { id: 'u1' }, purpose: 'newsletter', channel: 'api' },
    });
    expect(wrongScope.statusCode).toBe(403);
  });

  it('records objections and restriction for agents, and shows the console a subject’s history', async () => {
    const objected = await server.app.inject({
      method: 'POST',
      url: '/v1/objections',
      headers: { cookie: agent.cookie },
      payload: { subject: { id: 'crm-42' }, scope: 'prospecting', source: 'phone' },
    });
    expect(objected.json()).toMatchObject({ scope: 'prospecting', source: 'phone', recorded: true });
    const restricted = await server.app.inject({
      method: 'POST',
      url: '/v1/restrictions',
      headers: { authorization: `Bearer ${writeToken}` },
      payload: { subject: { id: 'crm-42' }, reason: 'accuracy-contested' },
    });
    expect(restricted.json().recorded).toBe(true);
    const history = await server.app.inject({
      method: 'GET',
      url: '/v1/consent/history?subject=crm-42',
      headers: { cookie: auditor.cookie },
    });
    expect(history.statusCode).toBe(200);
    expect(history.json()).toMatchObject({
      events: [],
      objections: [{ scope: 'prospecting', liftedAt: null }],
      restrictions: [{ reason: 'accuracy-contested', liftedAt: null }],
    });
    const stats = await server.app.inject({
      method: 'GET',
      url: '/v1/consent/statistics',
      headers: { cookie: auditor.cookie },
    });
    expect(stats.json().find((c: { purpose: string }) => c.purpose === 'newsletter')).toMatchObject({
      given: 1,
      withdrawn: 1,
    });
  });

  it('declares GPC support at /.well-known/gpc.json', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/.well-known/gpc.json' });
    expect(response.statusCode).toBe(200);
    // No notice published yet: the policy's date.
    expect(response.json()).toEqual({ gpc: true, lastUpdate: '2025-01-15' });
  });

  it('never writes e-mail addresses, subject ids or cookies to the logs', () => {
    const text = server.logs.join('\n');
    expect(text).toContain('/v1/may-process');
    expect(text).not.toContain('marie.curie');
    expect(text.toLowerCase()).not.toContain('example.org');
    expect(text).not.toContain('crm-42');
    expect(text).not.toMatch(/pc_[A-Za-z0-9_-]{22}/);
    expect(text).not.toContain('rgt_');
  });
});
