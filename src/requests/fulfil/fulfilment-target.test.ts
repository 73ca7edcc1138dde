import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFulfilmentTarget } from './fulfilment-target.ts';
import { DEMO_DATAMAP, DEMO_TARGET_URL, loadTargetConfig } from './target-config.ts';

const dir = mkdtempSync(join(tmpdir(), 'registre-target-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fulfilment target', () => {
  it('defaults to the demo organisation, and wants both variables or neither', () => {
    expect(loadTargetConfig({})).toEqual({
      datamapPath: DEMO_DATAMAP,
      databaseUrl: DEMO_TARGET_URL,
      demo: true,
    });
    expect(loadTargetConfig({ REGISTRE_DEMO_DB: 'sqlite:/tmp/elsewhere.db' })).toEqual({
      datamapPath: DEMO_DATAMAP,
      databaseUrl: 'sqlite:/tmp/elsewhere.db',
      demo: true,
    });
    expect(
      loadTargetConfig({ REGISTRE_TARGET_DB: 'postgres://x/y', REGISTRE_TARGET_DATAMAP: 'map.yaml' }),
    ).toEqual({
      datamapPath: 'map.yaml',
      databaseUrl: 'postgres://x/y',
      demo: false,
    });
    expect(() => loadTargetConfig({ REGISTRE_TARGET_DB: 'sqlite:x.db' })).toThrow(
      expect.objectContaining({
        code: 'REG_ERR_REQUESTS_TARGET_CONFIG',
        message: expect.stringMatching(/only REGISTRE_TARGET_DB/),
      }),
    );
  });

  it('creates the demo database on first use, once, in a folder it makes', async () => {
    const url = `sqlite:${join(dir, 'nested', 'demo.db')}`;
    const target = createFulfilmentTarget(
      { datamapPath: DEMO_DATAMAP, databaseUrl: url, demo: true },
      () => new Date('2025-03-03T00:00:00Z'),
    );
    const [first, second] = await Promise.all([target.open(), target.open()]);
    expect(second).toBe(first);
    const count = await first.target.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(100);
    await target.close();
    // A second opening finds the tables and keeps the rows.
    const again = createFulfilmentTarget({ datamapPath: DEMO_DATAMAP, databaseUrl: url, demo: true });
    const reopened = await again.open();
    const recount = await reopened.target.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(recount.n)).toBe(Number(count.n));
    await again.close();
  });

  it('reports a data map that cannot be loaded, and lets a later call retry', async () => {
    const target = createFulfilmentTarget({
      datamapPath: join(dir, 'missing.yaml'),
      databaseUrl: 'sqlite::memory:',
      demo: false,
    });
    await expect(target.open()).rejects.toMatchObject({ code: 'REG_ERR_REQUESTS_TARGET_CONFIG' });
    await expect(target.open()).rejects.toMatchObject({ code: 'REG_ERR_REQUESTS_TARGET_CONFIG' });
  });
});
