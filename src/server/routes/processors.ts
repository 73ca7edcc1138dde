/**
 * Processors and sub-processors of the server's policy: country, services, activities, every
 * transfer outside the EEA with its safeguards and whether one of them is valid, and the DPO
 * checks' findings about transfers. Every staff role reads it; API tokens need `register:read`.
 */
import { z } from 'zod';
import { RegistreError } from '../../errors/registry.ts';
import { listProcessors } from '../../policy/processor-transfers.ts';
import type { RouteModule } from '../context.ts';
import { REGISTER_READ } from './register.ts';

const ZFinding = z.strictObject({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  path: z.string(),
});

const ZTransfer = z.strictObject({
  country: z.string(),
  countryName: z.string(),
  by: z.string().nullable(),
  implied: z.boolean(),
  safeguards: z.array(z.strictObject({ id: z.string(), label: z.string(), valid: z.boolean() })),
  status: z.enum(['eea', 'adequacy', 'safeguarded', 'no-valid-safeguard']),
});

export const ZProcessorView = z.strictObject({
  id: z.string(),
  name: z.string(),
  entity: z.string().nullable(),
  role: z.enum(['processor', 'sub-processor']),
  country: z.string(),
  countryName: z.string(),
  thirdCountry: z.boolean(),
  address: z.string().nullable(),
  services: z.array(z.strictObject({ id: z.string(), label: z.string() })),
  serviceDetails: z.string().nullable(),
  contract: z.boolean().nullable(),
  certifications: z.array(z.string()),
  activities: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  transfers: z.array(ZTransfer),
  transferWarning: z.boolean(),
  findings: z.array(ZFinding),
});
export type TProcessorView = z.infer<typeof ZProcessorView>;

export const ZProcessorList = z.strictObject({
  organisation: z.strictObject({ id: z.string(), name: z.string() }),
  processors: z.array(ZProcessorView),
});
export type TProcessorList = z.infer<typeof ZProcessorList>;

export const processorRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/v1/processors',
    {
      config: { access: REGISTER_READ },
      schema: {
        tags: ['register'],
        summary: 'Processors and sub-processors: country, services, transfers and their safeguards',
        querystring: z.strictObject({ lang: z.enum(['fr', 'en']).default('fr') }),
        response: { 200: ZProcessorList },
      },
    },
    async (request) => {
      const loaded = ctx.policy;
      if (loaded === null) {
        throw new RegistreError('REG_ERR_GOVERNANCE_NO_POLICY', 'no policy is loaded (REGISTRE_POLICY)');
      }
      const { id, name } = loaded.policy.organisation;
      return { organisation: { id, name }, processors: listProcessors(loaded, request.query.lang) };
    },
  );
};
