/** Sign in and out, who am I, change my password, TOTP second factor. */
import { z } from 'zod';
import { ZChangePassword } from '../../accounts/change-password.ts';
import { ZConfirmTotp } from '../../accounts/confirm-totp.ts';
import { ZDisableTotp } from '../../accounts/disable-totp.ts';
import { ZEnrolTotp, ZTotpEnrolment } from '../../accounts/enrol-totp.ts';
import { ROLES } from '../../accounts/roles.ts';
import { ZSignIn } from '../../accounts/sign-in.ts';
import { ZUserView } from '../../accounts/user-view.ts';
import { requireUser, SESSION_COOKIE } from '../access.ts';
import type { RouteModule } from '../context.ts';

const ZSignedIn = z.strictObject({
  user: ZUserView,
  /** Absolute end of the session; it also ends after the idle time-out. */
  sessionExpiresAt: z.string(),
  idleTimeoutMinutes: z.number(),
});

/** Every signed-in person, whatever the role, acting on their own account only. */
const OWN_ACCOUNT = { roles: ROLES, ownAccount: true } as const;

export const authRoutes: RouteModule = (app, ctx) => {
  const { accounts, config } = ctx;

  app.post(
    '/v1/auth/sign-in',
    {
      config: {
        access: 'public',
        rateLimit: { max: config.signInRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: ZSignIn,
        response: { 200: ZSignedIn },
      },
    },
    async (request, reply) => {
      const { user, session } = await accounts.signIn(request.body);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: config.secureCookies,
        path: '/',
        maxAge: config.sessionMaxHours * 3600,
      });
      return { user, sessionExpiresAt: session.expiresAt, idleTimeoutMinutes: config.sessionIdleMinutes };
    },
  );

  app.post(
    '/v1/auth/sign-out',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
    },
    async (request, reply) => {
      const value = request.cookies[SESSION_COOKIE];
      if (value !== undefined && value !== '') await accounts.signOut(value);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/v1/auth/me',
    {
      config: { access: { ...OWN_ACCOUNT, duringPasswordChange: true } },
      schema: { tags: ['auth'], summary: 'The signed-in person', response: { 200: ZUserView } },
    },
    async (request) => accounts.getUser(requireUser(request).userId),
  );

  app.post(
    '/v1/auth/password',
    {
      config: { access: { ...OWN_ACCOUNT, duringPasswordChange: true } },
      schema: {
        tags: ['auth'],
        summary: 'Change my password (ends my other sessions)',
        body: ZChangePassword,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await accounts.changePassword(requireUser(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/auth/totp/enrol',
    {
      config: { access: OWN_ACCOUNT },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: returns the secret and otpauth URL once',
        body: ZEnrolTotp,
        response: { 200: ZTotpEnrolment },
      },
    },
    async (request) => accounts.enrolTotp(requireUser(request).userId, request.body),
  );

  app.post(
    '/v1/auth/totp/confirm',
    {
      config: { access: OWN_ACCOUNT },
      schema: {
        tags: ['auth'],
        summary: 'Confirm TOTP enrolment with a first code',
        body: ZConfirmTotp,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await accounts.confirmTotp(requireUser(request).userId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/auth/totp/disable',
    {
      config: { access: OWN_ACCOUNT },
      schema: {
        tags: ['auth'],
        summary: 'Turn TOTP off (password and a current code)',
        body: ZDisableTotp,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await accounts.disableTotp(requireUser(request).userId, request.body);
      return reply.status(204).send(null);
    },
  );
};
