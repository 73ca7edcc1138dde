/**
 * Published notice versions on a real store (SQLite and PostgreSQL): publishing, the no-op on
 * identical content, reading current and earlier versions, and the diff between versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, openTestStore, type TestStore } from '../../src/consent/testing/open-test-store.ts';
import { CONSENT_TEST_POLICY, loadConsentTestPolicy } from '../../src/consent/testing/policy-fixture.ts';
import { createNoticeService } from '../../src/notices/notice-service.ts';
import { availableDialects } from '../support/targets.ts';

const v1 = loadConsentTestPolicy();
// Version 2: prospects are kept 5 years instead of 3, and a new version label.
const v2 = loadConsentTestPolicy(
  CONSENT_TEST_POLICY.replace('version: "2.0"', 'version: "2.1"').replace(
    'trigger: last-contact-from-subject\n        duration: P3Y',
    'trigger: last-contact-from-subject\n        duration: P5Y',
  ),
);
const dialects = await availableDialects(['sqlite', 'postgres']);

describe.each(dialects)('notice versions on %s', (dialect) => {
  let env: TestStore;
  const clock = manualClock('2025-01-15T10:00:00.000Z');
  const notices = () => createNoticeService({ db: env.store.db, clock });

  beforeAll(async () => {
    env = await openTestStore(dialect);
  });
  afterAll(async () => {
    await env?.dispose();
  });

  it('has nothing to show before the first publication', async () => {
    expect(await notices().current()).toBeNull();
    await expect(notices().document('current', 'fr', 'html')).rejects.toMatchObject({
      code: 'REG_ERR_NOTICE_NONE_PUBLISHED',
    });
  });

  it('publishes a version with its four documents, and publishing it again changes nothing', async () => {
    const first = await notices().publish(v1, 'user:dpo');
    expect(first).toMatchObject({
      published: true,
      version: {
        version: 1,
        policyVersion: '2.0',
        policyDate: '2025-01-15',
        publishedAt: '2025-01-15T10:00:00.000Z',
      },
    });
    expect(first.version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    clock.advance(86_400_000);
    const again = await notices().publish(loadConsentTestPolicy(), 'user:admin');
    expect(again).toEqual({ published: false, version: first.version });
    expect(await notices().list()).toHaveLength(1);
    for (const lang of ['fr', 'en'] as const) {
      const md = await notices().document('current', lang, 'md');
      expect(md.content).toContain('Boutique SAS');
      const html = await notices().document(1, lang, 'html');
      expect(html.content.startsWith('<!DOCTYPE html>') || html.content.startsWith('<!doctype html>')).toBe(
        true,
      );
    }
  });

  it('keeps every earlier version readable after a new one, and says what changed', async () => {
    clock.set('2025-06-01T08:00:00.000Z');
    const second = await notices().publish(v2, 'user:dpo');
    expect(second).toMatchObject({ published: true, version: { version: 2, policyVersion: '2.1' } });
    expect((await notices().current())?.version).toBe(2);
    expect((await notices().list()).map((v) => v.version)).toEqual([2, 1]);
    const old = await notices().document(1, 'en', 'md');
    const now = await notices().document('current', 'en', 'md');
    expect(old.version.version).toBe(1);
    expect(old.content).not.toBe(now.content);

    const diff = await notices().diff(1, 'current', 'en');
    expect(diff.from.version).toBe(1);
    expect(diff.to.version).toBe(2);
    expect(diff.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'retention-longer',
          importance: 'major',
          before: 'P3Y',
          after: 'P5Y',
        }),
      ]),
    );
    expect(diff.markdown).toContain('Important changes');
    const none = await notices().diff(2, 2, 'fr');
    expect(none.changes).toEqual([]);
  });

  it('names a version that does not exist', async () => {
    await expect(notices().document(9, 'fr', 'md')).rejects.toMatchObject({
      code: 'REG_ERR_NOTICE_VERSION_NOT_FOUND',
    });
    await expect(notices().diff(1, 9, 'fr')).rejects.toMatchObject({
      code: 'REG_ERR_NOTICE_VERSION_NOT_FOUND',
    });
  });

  it('publishing the first version again after a change is a new version', async () => {
    const back = await notices().publish(v1, 'user:dpo');
    expect(back).toMatchObject({ published: true, version: { version: 3, policyVersion: '2.0' } });
    expect(back.version.contentHash).toBe((await notices().find(1)).contentHash);
  });
});
