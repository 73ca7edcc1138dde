/**
 * The web app built by `npm run build:web` (dist/web): the privacy center at `/` and its
 * sections, the DPO console at `/console`. Every app path answers index.html (the React router
 * takes over in the browser); hashed files under /assets/ are cached for a year. All public:
 * the data behind the pages comes from the API, which checks access itself.
 *
 * Two API routes exist for the privacy center's pages only: `GET /v1/privacy-center/site` (the
 * organisation, the rights its policy grants or limits with the reasons, cookie categories: no
 * personal data) and `POST /v1/privacy-center/post-mortem-directives` (e-mailed to the DPO, who
 * keeps them, with an acknowledgement to the person).
 *
 * When the app is not built, the pages answer 404 (the error envelope) naming the command that
 * builds it.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CENTER_SECTIONS, CONSOLE_BASE } from '../../../web/src/paths.ts';
import { RegistreError } from '../../errors/registry.ts';
import type { LoadedPolicy } from '../../policy/loaded-policy.ts';
import { labelOf, textOf } from '../../policy/taxonomy/labels.ts';
import type { Language } from '../../policy/taxonomy/types.ts';
import { ZFreeText, ZSubjectEmail, ZSubjectName } from '../../requests/intake/intake-schemas.ts';
import { REQUESTABLE_RIGHTS, rightAvailability, rightLabel } from '../../requests/rights.ts';
import type { AppContext, RegistreApp, RouteModule } from '../context.ts';

/** Where `npm run build:web` writes the app. */
export const DEFAULT_WEB_ROOT = resolve(fileURLToPath(new URL('../../../dist/web', import.meta.url)));

/**
 * The Content-Security-Policy of the app's pages: scripts, styles, images, fonts and API calls
 * from this server only — no third-party script or tracker can load, before or after consent.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT =
  'The web app is not built. Run `npm run build:web` (or `npm install`), then restart the server.\n';
const ASSET_NAME = /^[A-Za-z0-9._-]{1,200}$/;
const PUBLIC = { access: 'public' } as const;

/** Every URL pattern that answers index.html. */
export function appPagePatterns(): string[] {
  const patterns = ['/', CONSOLE_BASE, `${CONSOLE_BASE}/*`];
  for (const section of CENTER_SECTIONS) patterns.push(`/${section}`, `/${section}/*`);
  return patterns;
}

export interface WebRoutesOptions {
  /** Folder holding index.html and assets/ (default: dist/web of this checkout). */
  readonly root?: string;
}

/** The route module serving the web app from `options.root`. */
export function createWebRoutes(options: WebRoutesOptions = {}): RouteModule {
  const root = options.root ?? DEFAULT_WEB_ROOT;
  return async (app) => {
    await app.register(fastifyStatic, { root, serve: false, decorateReply: true });
    const indexFile = join(root, 'index.html');
    // Read at each request (a few hundred bytes): a rebuild is served without a restart.
    const page = async (reply: FastifyReply) => {
      const html = await readFile(indexFile, 'utf8').catch(() => null);
      reply.header('cache-control', 'no-cache').header('content-security-policy', WEB_CSP);
      if (html === null) {
        throw new RegistreError('REG_ERR_SERVER_NOT_FOUND', `web app not built: no ${indexFile}`, {
          publicMessage: NOT_BUILT,
        });
      }
      return reply.type('text/html; charset=utf-8').send(html);
    };
    const pageSchema = {
      tags: ['web'],
      hide: true,
      response: { 200: z.string() },
    };
    for (const url of appPagePatterns()) {
      const wildcard = url.endsWith('/*');
      app.get(
        url,
        {
          config: PUBLIC,
          schema: wildcard ? { ...pageSchema, params: z.strictObject({ '*': z.string() }) } : pageSchema,
        },
        async (_request, reply) => page(reply),
      );
    }
    app.get(
      '/assets/:file',
      {
        config: PUBLIC,
        schema: {
          tags: ['web'],
          hide: true,
          params: z.strictObject({ file: z.string().regex(ASSET_NAME, 'expected an asset file name') }),
          response: { 200: z.unknown() },
        },
      },
      async (request, reply) =>
        reply.sendFile(`assets/${request.params.file}`, root, {
          maxAge: '365d',
          immutable: true,
          dotfiles: 'deny',
          index: false,
        }),
    );
  };
}

// ── What the privacy center shows about the organisation and its policy (public, no personal data) ──

const ZSiteRight = z.strictObject({
  right: z.string(),
  label: z.string(),
  /** GDPR article (or national law reference) of the right. */
  article: z.string().nullable(),
  /** The policy grants it: the privacy center offers a form for it. */
  granted: z.boolean(),
  /** Limits (granted) or reasons for not granting it, in words. */
  reasons: z.array(z.string()),
});

export const ZPrivacyCenterSite = z
  .strictObject({
    organisation: z.strictObject({
      name: z.string(),
      legalName: z.string(),
      email: z.string().nullable(),
      dpoEmail: z.string().nullable(),
    }),
    policy: z.strictObject({ title: z.string(), version: z.string(), date: z.string().nullable() }),
    languages: z.array(z.enum(['fr', 'en'])),
    /** Rights a request can carry, in the order of REQUESTABLE_RIGHTS, granted or not. */
    rights: z.array(ZSiteRight),
    postMortem: z.strictObject({ available: z.boolean() }),
    complaint: z.strictObject({
      authority: z.string(),
      website: z.string().nullable(),
      contactControllerFirst: z.boolean(),
    }),
    /** Cookie categories, each saying whether it needs consent (the banner asks for those only). */
    cookies: z.array(
      z.strictObject({ id: z.string(), label: z.string(), consent: z.boolean(), lifetime: z.string() }),
    ),
  })
  .meta({ id: 'PrivacyCenterSite' });
export type TPrivacyCenterSite = z.infer<typeof ZPrivacyCenterSite>;

/** The privacy center's view of `loaded` in `lang`. */
export function privacyCenterSite(loaded: LoadedPolicy, lang: Language): TPrivacyCenterSite {
  const { policy, taxonomy } = loaded;
  const organisation = policy.organisation;
  const authority = taxonomy.authorities.get(policy.rights.complaint.authority);
  return {
    organisation: {
      name: organisation.name,
      legalName: [organisation.name, organisation.legalForm].filter(Boolean).join(' '),
      email: organisation.contact.email ?? null,
      dpoEmail: organisation.dpo?.email ?? null,
    },
    policy: {
      title: textOf(policy.policy.title, lang) || organisation.name,
      version: policy.policy.version,
      date: policy.policy.date ?? null,
    },
    languages: organisation.languages,
    rights: REQUESTABLE_RIGHTS.map((right) => {
      const availability = rightAvailability(loaded, right, lang);
      return {
        right,
        label: rightLabel(loaded, right, lang),
        article: taxonomy.rights.get(right)?.article ?? null,
        granted: availability.granted,
        reasons: [...(availability.granted ? availability.limits : availability.reasons)],
      };
    }),
    postMortem: { available: policy.rights.postMortem?.available === true },
    complaint: {
      authority: labelOf(taxonomy, 'authorities', policy.rights.complaint.authority, lang),
      website: authority?.complaintUrl ?? authority?.website ?? null,
      contactControllerFirst: policy.rights.complaint.contactControllerFirst === true,
    },
    cookies: (policy.cookies?.used === true ? policy.cookies.categories : []).map((category) => ({
      id: category.id,
      label: textOf(category.label, lang) || category.id,
      consent: category.consent,
      lifetime: category.lifetime,
    })),
  };
}

// ── Post-mortem directives (Loi Informatique et Libertés art. 85) ──

export const ZPostMortemDirectives = z.strictObject({
  email: ZSubjectEmail,
  name: ZSubjectName,
  /** What should become of the person's data after their death. */
  wish: z.enum(['erase', 'keep', 'communicate']),
  /** The person who carries the directives out (art. 85 I), when one is designated. */
  trustedPerson: z.strictObject({ name: ZSubjectName, email: ZSubjectEmail }).optional(),
  details: ZFreeText.optional(),
  language: z.enum(['fr', 'en']).default('fr'),
});
export type TPostMortemDirectives = z.infer<typeof ZPostMortemDirectives>;

const WISH_WORDS = {
  erase: { fr: 'effacer mes données', en: 'erase my data' },
  keep: {
    fr: 'conserver mes données pendant les durées prévues',
    en: 'keep my data for the periods provided',
  },
  communicate: {
    fr: 'communiquer mes données à la personne désignée',
    en: 'communicate my data to the person designated',
  },
} as const;

/** The two messages of a directive: the record for the DPO, the acknowledgement for the person. */
export function directiveMessages(site: TPrivacyCenterSite, input: TPostMortemDirectives, at: Date) {
  const lang = input.language;
  const lines = [
    `${lang === 'fr' ? 'Date' : 'Date'}: ${at.toISOString()}`,
    `${lang === 'fr' ? 'Personne' : 'Person'}: ${input.name} <${input.email}>`,
    `${lang === 'fr' ? 'Directive' : 'Directive'}: ${WISH_WORDS[input.wish][lang]}`,
    ...(input.trustedPerson === undefined
      ? []
      : [
          `${lang === 'fr' ? 'Personne désignée' : 'Designated person'}: ${input.trustedPerson.name} <${input.trustedPerson.email}>`,
        ]),
    ...(input.details === undefined ? [] : ['', input.details]),
  ];
  const record = {
    subject:
      lang === 'fr'
        ? 'Directives post-mortem (art. 85 loi Informatique et Libertés)'
        : 'Post-mortem directives (French Data Protection Act art. 85)',
    text: lines.join('\n'),
  };
  const acknowledgement = {
    subject:
      lang === 'fr'
        ? `${site.organisation.name} : vos directives post-mortem`
        : `${site.organisation.name}: your post-mortem directives`,
    text: [
      lang === 'fr'
        ? `Bonjour,\n\nNous avons reçu vos directives relatives au sort de vos données personnelles après votre décès. Elles sont transmises à notre délégué à la protection des données, qui les conserve. Vous pouvez les modifier ou les révoquer à tout moment.\n`
        : `Hello,\n\nWe have received your directives on what should become of your personal data after your death. They are passed to our data protection officer, who keeps them. You may change or revoke them at any time.\n`,
      ...lines,
      '',
      lang === 'fr'
        ? `Si vous n'êtes pas à l'origine de cette démarche, écrivez à ${site.organisation.dpoEmail ?? site.organisation.email ?? site.organisation.name}.`
        : `If you did not send these directives, write to ${site.organisation.dpoEmail ?? site.organisation.email ?? site.organisation.name}.`,
    ].join('\n'),
  };
  return { record, acknowledgement };
}

const ZSiteQuery = z.strictObject({ lang: z.enum(['fr', 'en']).default('fr') });

function servedPolicy(ctx: AppContext): LoadedPolicy {
  if (ctx.policy === null) {
    throw new RegistreError('REG_ERR_CONSENT_POLICY_MISSING', 'no policy is loaded (REGISTRE_POLICY)');
  }
  return ctx.policy;
}

/** The privacy center's own API routes (site facts, post-mortem directives). */
export function privacyCenterSiteRoutes(app: RegistreApp, ctx: AppContext): void {
  const tags = ['privacy center'];
  app.get(
    '/v1/privacy-center/site',
    {
      config: PUBLIC,
      schema: {
        tags,
        summary:
          'The organisation, the rights its policy grants (or limits, with the reasons), cookie categories',
        querystring: ZSiteQuery,
        response: { 200: ZPrivacyCenterSite },
      },
    },
    async (request) => privacyCenterSite(servedPolicy(ctx), request.query.lang),
  );

  app.post(
    '/v1/privacy-center/post-mortem-directives',
    {
      config: { ...PUBLIC, rateLimit: { max: ctx.config.signInRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Give directives on one’s data after death (e-mailed to the DPO, acknowledged to the person)',
        body: ZPostMortemDirectives,
        response: { 202: z.strictObject({ sent: z.literal(true) }) },
      },
    },
    async (request, reply) => {
      if (request.headers['sec-fetch-site'] === 'cross-site') {
        throw new RegistreError('REG_ERR_SERVER_CROSS_ORIGIN', 'cross-site post-mortem directives');
      }
      const loaded = servedPolicy(ctx);
      const site = privacyCenterSite(loaded, request.body.language);
      const dpo = site.organisation.dpoEmail ?? site.organisation.email;
      if (!site.postMortem.available || dpo === null) {
        throw new RegistreError(
          'REG_ERR_REQUESTS_RIGHT_NOT_GRANTED',
          `policy ${loaded.file} ${dpo === null ? 'gives no DPO or contact e-mail' : 'offers no post-mortem directives'}`,
        );
      }
      const { record, acknowledgement } = directiveMessages(site, request.body, ctx.clock());
      await ctx.mailer.send({ to: dpo, ...record });
      await ctx.mailer.send({ to: request.body.email, ...acknowledgement });
      return reply.status(202).send({ sent: true as const });
    },
  );
}

/** The web app served from dist/web, and the privacy center's own routes. */
export const webRoutes: RouteModule = async (app, ctx) => {
  await createWebRoutes()(app, ctx);
  privacyCenterSiteRoutes(app, ctx);
};
