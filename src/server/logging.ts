/**
 * Logs: one line per request with method, route pattern, status, duration and request id — and
 * never bodies, URLs with their query strings, e-mails, names, tokens, cookies or IP addresses.
 * Fastify's own request lines (which carry the URL and the client address) are replaced.
 */
import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import pino, { type DestinationStream, type Logger } from 'pino';

/** Paths censored wherever they appear in a log object (defence in depth: nothing logs them). */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.email',
  '*.token',
  '*.totpCode',
  '*.ip',
  'body',
  '*.body',
];

interface SafeError {
  type: string;
  code?: string;
  message: string;
  stack?: string;
}

const SCRUBBERS: readonly [RegExp, string][] = [
  [/[^\s@"'<>(),;:/]+@[^\s@"'<>(),;:/]+\.[A-Za-z]{2,}/g, '[email]'],
  [/rgt_[A-Za-z0-9_-]+/g, '[token]'],
  [/\b\d{1,3}(\.\d{1,3}){3}\b/g, '[ip]'],
];

/** Free text from third-party errors may quote values: mask e-mails, tokens and IPv4 addresses. */
export function scrub(text: string): string {
  return SCRUBBERS.reduce((out, [pattern, mask]) => out.replace(pattern, mask), text);
}

/** Errors keep their type, code, message and stack (scrubbed); driver extras (pg's `detail`) go. */
export function serializeError(error: unknown): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-error thrown' };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: scrub(error.message),
    ...(error.stack === undefined ? {} : { stack: scrub(error.stack) }),
  };
}

/** The pino logger of the server, writing to `stream` (stdout by default). */
export function createServerLogger(options: { stream?: DestinationStream; level?: string } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'registre' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
    },
    options.stream ?? process.stdout,
  );
}

/** Replaces Fastify's request lines by ones without URL, headers or client address. */
export class SafeLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      route: request.routeOptions.url ?? '(no route)',
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request failed');
    else reply.log.info(line, 'request completed');
  }

  override routeNotFound(): void {}

  override defaultErrorLog(error: Error, _request: FastifyRequest, reply: FastifyReply): void {
    reply.log.error({ err: error, status: reply.statusCode }, 'request error');
  }
}
