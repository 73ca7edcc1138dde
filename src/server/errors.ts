/**
 * One error envelope for the whole API: `{ requestId, code, message, details? }`, where `code` is a
 * registry code (src/errors/registry.ts). Validation errors answer 400 with the path of each
 * invalid field; unknown errors answer 500 with a masked message and are logged with the request
 * id (never the body).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ERROR_CODES, type ErrorCode, isRegistreError } from '../errors/registry.ts';

export const ZErrorDetail = z.strictObject({
  /** Where the problem is, e.g. `body.email` or `params.id`. */
  path: z.string(),
  message: z.string(),
});

export const ZErrorEnvelope = z
  .strictObject({
    requestId: z.string(),
    code: z.string(),
    message: z.string(),
    details: z.array(ZErrorDetail).optional(),
  })
  .meta({ id: 'Error' });
export type TErrorEnvelope = z.infer<typeof ZErrorEnvelope>;

/** Statuses every route may answer with the envelope (added to each route's response schema). */
export const ENVELOPE_STATUSES = [400, 401, 403, 404, 409, 413, 415, 423, 429, 500] as const;

/** Registry code for an HTTP status raised by Fastify or a plugin rather than by Registre. */
const CODE_BY_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: 'REG_ERR_SERVER_BAD_REQUEST',
  401: 'REG_ERR_SERVER_UNAUTHENTICATED',
  403: 'REG_ERR_SERVER_FORBIDDEN',
  404: 'REG_ERR_SERVER_NOT_FOUND',
  413: 'REG_ERR_SERVER_PAYLOAD_TOO_LARGE',
  415: 'REG_ERR_SERVER_UNSUPPORTED_MEDIA_TYPE',
  429: 'REG_ERR_SERVER_RATE_LIMITED',
};

/** Safe, precise messages for Fastify's request errors (theirs may quote the body). */
const FASTIFY_MESSAGES: Readonly<Record<string, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The body is not valid JSON.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty but the content type says application/json.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported content type: send application/json.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large.',
  FST_ERR_CTP_EMPTY_TYPE: 'The Content-Type header is empty.',
  FST_ERR_CTP_INVALID_TYPE: 'The Content-Type header is malformed.',
  FST_ERR_BAD_URL: 'The URL is malformed.',
  FST_ERR_ASYNC_CONSTRAINT: 'The request could not be routed.',
};

function envelope(request: FastifyRequest, code: ErrorCode, message: string, details?: unknown) {
  const body: TErrorEnvelope = { requestId: String(request.id), code, message };
  if (Array.isArray(details) && details.length > 0) {
    const parsed = z.array(ZErrorDetail).safeParse(details);
    if (parsed.success) body.details = parsed.data;
  }
  return body;
}

/** `/email` in part `body` → `body.email`; `/items/0/name` → `body.items.0.name`. */
function fieldPath(context: string | undefined, instancePath: string): string {
  const rest = instancePath.split('/').filter((part) => part !== '');
  return [context ?? 'request', ...rest].join('.');
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isRegistreError(error)) {
    if (error.status >= 500) request.log.error({ err: error, code: error.code }, 'registre error');
    else request.log.info({ code: error.code }, 'request refused');
    return reply.status(error.status).send(envelope(request, error.code, error.publicMessage, error.details));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => ({
      path: fieldPath(error.validationContext, issue.instancePath),
      message: issue.message ?? 'invalid',
    }));
    const message = details.map((d) => `${d.path}: ${d.message}`).join('; ');
    request.log.info(
      { code: 'REG_ERR_SERVER_VALIDATION', fields: details.map((d) => d.path) },
      'invalid request',
    );
    return reply.status(400).send(envelope(request, 'REG_ERR_SERVER_VALIDATION', message, details));
  }
  if (error instanceof ResponseSerializationError) {
    // A handler tried to send something its response schema does not declare: a bug, and
    // possibly undeclared personal data. Log where, never what.
    request.log.error(
      { code: 'REG_ERR_INTERNAL', route: error.url, fields: error.cause.issues.map((i) => i.path.join('.')) },
      'response does not match its schema',
    );
    return reply
      .status(500)
      .send(envelope(request, 'REG_ERR_INTERNAL', ERROR_CODES.REG_ERR_INTERNAL.publicMessage));
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code = CODE_BY_STATUS[status] ?? 'REG_ERR_SERVER_BAD_REQUEST';
    request.log.info({ code, fastifyCode: error.code }, 'request refused');
    // Fixed messages: Fastify's own may quote the body (JSON syntax errors do).
    const message = FASTIFY_MESSAGES[error.code] ?? ERROR_CODES[code].publicMessage;
    return reply.status(status).send(envelope(request, code, message));
  }
  request.log.error({ err: error }, 'unexpected error');
  return reply
    .status(500)
    .send(envelope(request, 'REG_ERR_INTERNAL', ERROR_CODES.REG_ERR_INTERNAL.publicMessage));
}

/**
 * For Fastify's `frameworkErrors` option: errors raised before routing (malformed URL encoding,
 * failed constraints) bypass the error handler; answer them with the envelope too.
 */
export function frameworkErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  request.log.info({ code: 'REG_ERR_SERVER_BAD_REQUEST', fastifyCode: error.code }, 'request refused');
  reply.header('x-request-id', request.id);
  void reply
    .status(400)
    .send(
      envelope(
        request,
        'REG_ERR_SERVER_BAD_REQUEST',
        FASTIFY_MESSAGES[error.code] ?? ERROR_CODES.REG_ERR_SERVER_BAD_REQUEST.publicMessage,
      ),
    );
}

/** Install the error handler and the 404 handler that answer with the envelope. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send(
        envelope(request, 'REG_ERR_SERVER_NOT_FOUND', ERROR_CODES.REG_ERR_SERVER_NOT_FOUND.publicMessage),
      ),
  );
}

/** The envelope schema for each status in {@link ENVELOPE_STATUSES}, to merge into route schemas. */
export function envelopeResponses(): Record<number, typeof ZErrorEnvelope> {
  return Object.fromEntries(ENVELOPE_STATUSES.map((status) => [status, ZErrorEnvelope]));
}
