/**
 * Every route module of the server, in registration order. An area adds its routes by writing
 * `routes/<area>.ts` exporting a {@link RouteModule} and adding one import and one entry here.
 */
import type { RouteModule } from '../context.ts';
import { auditRoutes } from './audit.ts';
import { authRoutes } from './auth.ts';
import { breachRoutes } from './breaches.ts';
import { consentRoutes } from './consent.ts';
import { drpRoutes } from './drp.ts';
import { gpcRoutes } from './gpc.ts';
import { healthRoutes } from './health.ts';
import { noticeRoutes } from './notices.ts';
import { privacyCenterRequestRoutes } from './privacy-center-requests.ts';
import { processorRoutes } from './processors.ts';
import { registerRoutes } from './register.ts';
import { requestRoutes } from './requests.ts';
import { retentionRoutes } from './retention.ts';
import { userRoutes } from './users.ts';
import { webRoutes } from './web.ts';

export const ROUTE_MODULES: readonly RouteModule[] = [
  healthRoutes,
  authRoutes,
  userRoutes,
  webRoutes,
  consentRoutes,
  gpcRoutes,
  breachRoutes,
  noticeRoutes,
  requestRoutes,
  privacyCenterRequestRoutes,
  drpRoutes,
  retentionRoutes,
  registerRoutes,
  processorRoutes,
  auditRoutes,
];
