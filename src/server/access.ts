/**
 * Access control. Every route declares who may call it in its `config`:
 *
 *     config: { access: 'public' }
 *     config: { access: { roles: ['admin', 'dpo'], scopes: ['requests:read'] } }
 *
 * `roles` are the people (session cookie) allowed; `scopes` open the route to API tokens
 * (`Authorization: Bearer rgt_…`) holding ALL of them — a route without scopes refuses tokens.
 * The auditor role is read-only: it may only be granted GET routes (and `ownAccount` routes:
 * their own password and second factor).
 *
 * An onRoute hook refuses to register a route without this declaration (or without a response
 * schema), and an onRequest hook enforces it before the body is even parsed: no credentials →
 * 401, wrong role or scope → 403. Every declared route is kept in a registry
 * ({@link getRouteRegistry}) so tests can walk every route × every role.
 */
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Principal, PrincipalResolver, TokenPrincipal, UserPrincipal } from '../accounts/principal.ts';
import { ROLES, type TRole } from '../accounts/roles.ts';
import { API_SCOPES, type TApiScope } from '../accounts/scopes.ts';
import { RegistreError } from '../errors/registry.ts';
import { envelopeResponses } from './errors.ts';

export interface RestrictedAccess {
  /** People allowed, by role. */
  readonly roles: readonly TRole[];
  /** Scopes an API token needs (all of them); absent or empty: tokens are refused. */
  readonly scopes?: readonly TApiScope[];
  /** Allowed while the caller's password is a one-time password (me, change password). */
  readonly duringPasswordChange?: boolean;
  /**
   * The route acts on the caller's own account only (password, second factor): the read-only
   * auditor may then use it whatever the method.
   */
  readonly ownAccount?: boolean;
}

export type AccessRule = 'public' | RestrictedAccess;

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
  readonly access: AccessRule;
  /** True for the OpenAPI documentation routes under the docs prefix (public, not API). */
  readonly docs: boolean;
  /** True when the route is left out of the OpenAPI document (`schema.hide`, e.g. web pages). */
  readonly hidden: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    /** The authenticated caller, or null (public routes called anonymously). */
    principal: Principal | null;
  }
  interface FastifyInstance {
    routeRegistry: RegisteredRoute[];
  }
}

/** Name of the session cookie. */
export const SESSION_COOKIE = 'registre_session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const BEARER = /^Bearer (rgt_[A-Za-z0-9_-]{16,128})$/;

export interface AccessOptions {
  readonly resolver: PrincipalResolver;
  /** URL prefix of the documentation routes registered by @fastify/swagger-ui. */
  readonly docsPrefix: string;
}

/** Every route registered on `app`, with its access rule (HEAD twins of GET routes included). */
export function getRouteRegistry(app: FastifyInstance): readonly RegisteredRoute[] {
  return app.routeRegistry;
}

function declarationError(method: string, url: string, what: string): RegistreError {
  return new RegistreError('REG_ERR_SERVER_ROUTE_DECLARATION', `route ${method} ${url}: ${what}`);
}

function checkRule(method: string, url: string, rule: AccessRule | undefined): AccessRule {
  if (rule === undefined) {
    throw declarationError(
      method,
      url,
      "declares no access rule: add config: { access: 'public' } or { access: { roles: [...] } }",
    );
  }
  if (rule === 'public') return rule;
  if (typeof rule !== 'object' || !Array.isArray(rule.roles)) {
    throw declarationError(method, url, "access must be 'public' or { roles: [...], scopes?: [...] }");
  }
  for (const role of rule.roles) {
    if (!ROLES.includes(role)) {
      throw declarationError(method, url, `unknown role "${role}" (allowed: ${ROLES.join(', ')})`);
    }
  }
  for (const scope of rule.scopes ?? []) {
    if (!API_SCOPES.includes(scope)) {
      throw declarationError(method, url, `unknown scope "${scope}" (allowed: ${API_SCOPES.join(', ')})`);
    }
  }
  if (rule.roles.length === 0 && (rule.scopes ?? []).length === 0) {
    throw declarationError(method, url, 'access allows no role and no scope');
  }
  if (rule.roles.includes('auditor') && !SAFE_METHODS.has(method) && rule.ownAccount !== true) {
    throw declarationError(method, url, 'the auditor role is read-only and may only be granted GET routes');
  }
  return rule;
}

function onRoute(
  this: FastifyInstance,
  route: RouteOptions,
  registry: RegisteredRoute[],
  docsPrefix: string,
) {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const docs = route.url === docsPrefix || route.url.startsWith(`${docsPrefix}/`);
  route.config = { ...(route.config ?? {}) };
  if (docs && route.config.access === undefined) route.config.access = 'public';
  for (const method of methods) {
    const access = checkRule(method, route.url, route.config.access);
    if (!docs) {
      const response = route.schema?.response as Record<string, unknown> | undefined;
      if (response === undefined || !Object.keys(response).some((status) => /^2\d\d$/.test(status))) {
        throw declarationError(method, route.url, 'declares no 2xx response schema (schema.response)');
      }
      if (/[:*]/.test(route.url) && route.schema?.params === undefined) {
        throw declarationError(method, route.url, 'has path parameters but no schema.params');
      }
    }
    registry.push({
      method,
      url: route.url,
      access,
      docs,
      hidden: (route.schema as { hide?: boolean } | undefined)?.hide === true,
    });
  }
  if (!docs && route.schema !== undefined) {
    const rule = route.config.access as AccessRule;
    route.schema = {
      ...route.schema,
      // OpenAPI: who may call (session cookie for people, bearer token with scopes for machines).
      security:
        rule === 'public'
          ? []
          : [
              { session: [] },
              ...((rule.scopes ?? []).length > 0 ? [{ token: [...(rule.scopes ?? [])] }] : []),
            ],
      description: [
        route.schema.description,
        rule === 'public'
          ? 'Access: public.'
          : `Access: roles ${rule.roles.join(', ') || '(none)'}${
              (rule.scopes ?? []).length > 0 ? `; API tokens with scopes ${rule.scopes?.join(', ')}` : ''
            }.`,
      ]
        .filter((part) => part !== undefined)
        .join('\n\n'),
      response: { ...envelopeResponses(), ...(route.schema.response as Record<string, unknown>) },
    };
  }
}

async function identify(request: FastifyRequest, resolver: PrincipalResolver): Promise<Principal | null> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = BEARER.exec(authorization);
    if (match === null) {
      throw new RegistreError('REG_ERR_ACCOUNTS_TOKEN_INVALID', 'Authorization header is not "Bearer rgt_…"');
    }
    return resolver.resolveToken(match[1]!);
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie === undefined || cookie === '') return null;
  const principal = await resolver.resolveSession(cookie);
  // Session cookies are SameSite=Strict; refuse cross-site writes outright as well.
  if (!SAFE_METHODS.has(request.method) && request.headers['sec-fetch-site'] === 'cross-site') {
    throw new RegistreError('REG_ERR_SERVER_CROSS_ORIGIN', 'cross-site request carrying a session cookie');
  }
  return principal;
}

function authorizeUser(request: FastifyRequest, rule: RestrictedAccess, user: UserPrincipal): void {
  if (user.mustChangePassword && rule.duringPasswordChange !== true) {
    throw new RegistreError(
      'REG_ERR_ACCOUNTS_PASSWORD_CHANGE_REQUIRED',
      `${request.method} ${request.routeOptions.url}: one-time password not yet changed`,
    );
  }
  const readOnly = user.role === 'auditor' && !SAFE_METHODS.has(request.method) && rule.ownAccount !== true;
  if (!rule.roles.includes(user.role) || readOnly) {
    throw new RegistreError(
      'REG_ERR_SERVER_FORBIDDEN',
      `${request.method} ${request.routeOptions.url} is not open to role ${user.role}`,
    );
  }
}

function authorizeToken(request: FastifyRequest, rule: RestrictedAccess, token: TokenPrincipal): void {
  const needed = rule.scopes ?? [];
  const missing = needed.filter((scope) => !token.scopes.includes(scope));
  if (needed.length === 0 || missing.length > 0) {
    throw new RegistreError(
      'REG_ERR_SERVER_FORBIDDEN',
      needed.length === 0
        ? `${request.method} ${request.routeOptions.url} is not open to API tokens`
        : `${request.method} ${request.routeOptions.url} needs scope(s) ${missing.join(', ')}`,
    );
  }
}

/**
 * Install the declaration check (onRoute) and the enforcement (onRequest) on `app`. Call it
 * before registering any route; requires @fastify/cookie.
 */
export function installAccessControl(app: FastifyInstance, options: AccessOptions): void {
  const registry: RegisteredRoute[] = [];
  app.decorate('routeRegistry', registry);
  app.decorateRequest('principal', null);
  app.addHook('onRoute', function (this: FastifyInstance, route) {
    onRoute.call(this, route, registry, options.docsPrefix);
  });
  app.addHook('onRequest', async (request) => {
    request.principal = null;
    const rule = request.routeOptions.config.access;
    if (rule === undefined) return; // not-found handler: no route, nothing to protect
    if (rule === 'public') {
      // A public route may use the caller's identity when there is a valid one.
      request.principal = await identify(request, options.resolver).catch(() => null);
      return;
    }
    const principal = await identify(request, options.resolver);
    if (principal === null) {
      throw new RegistreError(
        'REG_ERR_SERVER_UNAUTHENTICATED',
        `${request.method} ${request.routeOptions.url} needs a session or an API token`,
      );
    }
    if (principal.kind === 'user') authorizeUser(request, rule, principal);
    else authorizeToken(request, rule, principal);
    request.principal = principal;
  });
}

/** The signed-in person, for handlers of routes open to roles only. */
export function requireUser(request: FastifyRequest): UserPrincipal {
  const principal = request.principal;
  if (principal === null || principal.kind !== 'user') {
    throw new RegistreError('REG_ERR_SERVER_UNAUTHENTICATED', 'this route needs a signed-in person');
  }
  return principal;
}
