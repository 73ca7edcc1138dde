/**
 * The Art 30 register of the server's policy as a download: CSV, JSON, HTML (both records, or
 * the controller's Art 30(1) or the processor's Art 30(2) alone) and the W3C DPV JSON-LD export.
 * Every staff role reads it (it describes processing, not people); API tokens need `register:read`.
 */
import { z } from 'zod';
import { RegistreError } from '../../errors/registry.ts';
import { exportDpv } from '../../policy/render/dpv/export-dpv.ts';
import { buildRegister } from '../../policy/render/register/build-register.ts';
import { renderRegister } from '../../policy/render/register/render-register.ts';
import type { RouteModule } from '../context.ts';

export const REGISTER_READ = {
  roles: ['admin', 'dpo', 'agent', 'auditor'],
  scopes: ['register:read'],
} as const;

const FORMATS = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  json: { type: 'application/json; charset=utf-8', extension: 'json' },
  html: { type: 'text/html; charset=utf-8', extension: 'html' },
  dpv: { type: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
} as const;

export const ZRegisterQuery = z.strictObject({
  format: z.enum(['csv', 'json', 'html', 'dpv']).default('csv'),
  record: z.enum(['controller', 'processor', 'all']).default('all'),
  lang: z.enum(['fr', 'en']).default('fr'),
});

/** A file-name-safe slug of the organisation id. */
function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'organisation';
}

export const registerRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/v1/register',
    {
      config: { access: REGISTER_READ },
      schema: {
        tags: ['register'],
        summary: 'Download the Art 30 register (CSV, JSON, HTML) or its DPV JSON-LD export',
        description:
          '`record` picks the controller record (Art 30(1)), the processor record (Art 30(2)) or both (CSV/JSON/HTML only; the DPV export always holds every activity). Answers as an attachment; the CSV starts with a UTF-8 byte order mark so spreadsheets read its accents.',
        querystring: ZRegisterQuery,
        response: {
          200: z.string().meta({
            description: 'The register file (text/csv, application/json, text/html, application/ld+json)',
          }),
        },
      },
    },
    async (request, reply) => {
      const loaded = ctx.policy;
      if (loaded === null) {
        throw new RegistreError('REG_ERR_GOVERNANCE_NO_POLICY', 'no policy is loaded (REGISTRE_POLICY)');
      }
      const { format, record, lang } = request.query;
      const content =
        format === 'dpv'
          ? `${JSON.stringify(exportDpv(loaded), null, 2)}\n`
          : renderRegister(buildRegister(loaded, lang), { format, record, bom: format === 'csv' });
      const day = ctx.clock().toISOString().slice(0, 10);
      const what = format === 'dpv' ? 'dpv' : record === 'all' ? 'art30' : `art30-${record}`;
      const name = `register-${what}-${slug(loaded.policy.organisation.id)}-${day}.${FORMATS[format].extension}`;
      return reply
        .header('content-type', FORMATS[format].type)
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(content);
    },
  );
};
