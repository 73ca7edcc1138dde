import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadPolicyOrThrow } from '../../load-policy.ts';
import { escapeHtml, escapeMarkdown } from '../escape.ts';
import { describeRetention } from '../retention-words.ts';
import { renderNotice } from './render-notice.ts';

const SEEDS = fileURLToPath(new URL('../../../../examples/seeds/', import.meta.url));
const SLUGS = ['000-e-invoicing', '001-wimi', '002-invoice-managers', '003-clearnox', '004-certilience'];

describe('renderNotice on the five seed policies', () => {
  it.each(SLUGS)(
    '%s: every retention rule and processor appears, in both languages and formats',
    async (slug) => {
      const loaded = await loadPolicyOrThrow(join(SEEDS, slug, 'policy.yaml'));
      for (const lang of ['fr', 'en'] as const) {
        const md = renderNotice(loaded, { lang, format: 'md' });
        const html = renderNotice(loaded, { lang, format: 'html' });
        for (const activity of loaded.policy.activities) {
          for (const rule of activity.retention) {
            const words = describeRetention(rule, loaded.taxonomy, lang);
            expect(md).toContain(escapeMarkdown(words));
            expect(html).toContain(escapeHtml(words));
          }
        }
        for (const processor of loaded.policy.processors) {
          expect(md).toContain(escapeMarkdown(processor.name));
          expect(html).toContain(escapeHtml(processor.name));
        }
        expect(html).toContain(`<html lang="${lang}">`);
      }
    },
  );

  it('the e-invoicing sheet warns about its Privacy Shield transfer', async () => {
    const loaded = await loadPolicyOrThrow(join(SEEDS, '000-e-invoicing', 'policy.yaml'));
    expect(renderNotice(loaded, { lang: 'fr', format: 'md' })).toContain("n'est plus une garantie valide");
  });
});
