import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/server/support.ts';
import { readOutbox } from '../../mail/read-outbox.ts';
import { loadPolicyOrThrow } from '../../policy/load-policy.ts';
import type { LoadedPolicy } from '../../policy/loaded-policy.ts';
import {
  appPagePatterns,
  createWebRoutes,
  privacyCenterSite,
  privacyCenterSiteRoutes,
  WEB_CSP,
} from './web.ts';

const INDEX =
  '<!doctype html><html lang="fr"><head><script type="module" src="/assets/app-Ab12.js"></script></head><body><div id="root"></div></body></html>';

describe('web app routes', () => {
  let root: string;
  let built: TestServer;
  let unbuilt: TestServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'registre-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'app-Ab12.js'), 'console.log("app");\n');
    writeFileSync(join(root, 'secret.txt'), 'not an asset');
    built = await startTestServer('sqlite', { routes: [createWebRoutes({ root })] });
    unbuilt = await startTestServer('sqlite', { routes: [createWebRoutes({ root: join(root, 'missing') })] });
  });

  afterAll(async () => {
    await built?.dispose();
    await unbuilt?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers index.html, not cached and with a self-only CSP, on every app path', async () => {
    for (const url of [
      '/',
      '/notice',
      '/notice/versions/2',
      '/rights/status',
      '/preferences',
      '/console',
      '/console/requests/42',
    ]) {
      const response = await built.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.body).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toBe(WEB_CSP);
    }
    expect(WEB_CSP).toContain("script-src 'self'");
    expect(WEB_CSP).not.toMatch(/unsafe-eval|https:|\*/);
  });

  it('declares every app route public in the route registry', () => {
    const declared = built.app.routeRegistry.filter((route) => route.method === 'GET' && !route.docs);
    for (const pattern of appPagePatterns()) {
      expect(declared.find((route) => route.url === pattern)?.access, pattern).toBe('public');
    }
  });

  it('serves hashed assets with a one-year immutable cache, and nothing else from the folder', async () => {
    const asset = await built.app.inject({ method: 'GET', url: '/assets/app-Ab12.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.body).toContain('console.log');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const missing = await built.app.inject({ method: 'GET', url: '/assets/nope-123.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'REG_ERR_SERVER_NOT_FOUND' });

    for (const url of [
      '/secret.txt',
      '/assets/..%2Fsecret.txt',
      '/assets/%2e%2e%2fsecret.txt',
      '/index.html/../secret.txt',
    ]) {
      const response = await built.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, url).toBeLessThan(500);
      expect(response.body, url).not.toContain('not an asset');
    }
  });

  it('leaves unknown paths and the API to the JSON not-found envelope', async () => {
    const response = await built.app.inject({ method: 'GET', url: '/v1/no-such-thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'REG_ERR_SERVER_NOT_FOUND' });
  });

  it('says how to build the app when it is not built', async () => {
    const response = await unbuilt.app.inject({ method: 'GET', url: '/console' });
    expect(response.statusCode).toBe(404);
    const body = response.json();
    expect(body.code).toBe('REG_ERR_SERVER_NOT_FOUND');
    expect(body.message).toContain('npm run build:web');
  });
});

describe('privacy center site facts', () => {
  it('lists every requestable right of the demo policy with its limits, and the cookie categories', async () => {
    const site = privacyCenterSite(await loadPolicyOrThrow('examples/demo/policy.yaml'), 'fr');
    expect(site.organisation.name).toBe('Facturo');
    expect(site.organisation.dpoEmail).toBe('dpo@facturo.example');
    expect(site.rights.map((r) => r.right)).toEqual([
      'access',
      'rectification',
      'erasure',
      'restriction',
      'portability',
      'objection',
      'objection-direct-marketing',
    ]);
    const portability = site.rights.find((r) => r.right === 'portability');
    expect(portability?.granted).toBe(true);
    expect(portability?.reasons.length).toBe(1);
    expect(portability?.label).not.toBe('portability');
    expect(site.postMortem.available).toBe(true);
    expect(site.cookies.filter((c) => c.consent).map((c) => c.id)).toEqual(['audience']);
    expect(site.complaint.authority).toMatch(/CNIL|Commission/);
  });

  it('marks a right the policy refuses as not granted, with the policy reason in the language asked', async () => {
    const loaded = await loadPolicyOrThrow('examples/seeds/001-wimi/policy.yaml');
    const fr = privacyCenterSite(loaded, 'fr').rights.find((r) => r.right === 'restriction');
    const en = privacyCenterSite(loaded, 'en').rights.find((r) => r.right === 'restriction');
    expect(fr?.granted).toBe(false);
    expect(fr?.reasons).toHaveLength(1);
    expect(en?.reasons).toHaveLength(1);
    expect(fr?.reasons[0]).not.toBe(en?.reasons[0]);
  });
});

describe('privacy center site routes', () => {
  let server: TestServer;
  let policy: LoadedPolicy;

  beforeAll(async () => {
    policy = await loadPolicyOrThrow('examples/demo/policy.yaml');
    server = await startTestServer('sqlite', {
      routes: [(app, ctx) => privacyCenterSiteRoutes(app, { ...ctx, policy })],
    });
  });

  afterAll(async () => {
    await server?.dispose();
  });

  it('answers the site facts in the language asked', async () => {
    const fr = await server.app.inject({ method: 'GET', url: '/v1/privacy-center/site?lang=fr' });
    const en = await server.app.inject({ method: 'GET', url: '/v1/privacy-center/site?lang=en' });
    expect(fr.statusCode).toBe(200);
    expect(fr.json().policy.title).not.toBe(en.json().policy.title);
    const bad = await server.app.inject({ method: 'GET', url: '/v1/privacy-center/site?lang=de' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('querystring.lang');
  });

  it('e-mails post-mortem directives to the DPO and acknowledges them, logging no address', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/privacy-center/post-mortem-directives',
      payload: {
        email: 'camille.durand@example.org',
        name: 'Camille Durand',
        wish: 'communicate',
        trustedPerson: { name: 'Louis Durand', email: 'louis.durand@example.org' },
        details: 'Transmettre mes factures à mon fils.',
        language: 'fr',
      },
    });
    expect(response.statusCode).toBe(202);
    const mails = readOutbox(server.outboxDir);
    const record = mails.find((mail) => mail.to.includes('dpo@facturo.example'));
    const acknowledgement = mails.find((mail) => mail.to.includes('camille.durand@example.org'));
    expect(record?.text).toContain('Louis Durand <louis.durand@example.org>');
    expect(record?.text).toContain('Transmettre mes factures à mon fils.');
    expect(acknowledgement?.text).toContain('dpo@facturo.example');
    expect(server.logs.join('\n')).not.toMatch(/durand/i);
  });

  it('refuses an incomplete directive with the field at fault', async () => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/v1/privacy-center/post-mortem-directives',
      payload: { email: 'not-an-address', name: 'X', wish: 'erase' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details.map((d: { path: string }) => d.path)).toContain('body.email');
  });
});
