/**
 * The privacy center names an anonymous visitor by a random subject id kept in a cookie
 * (`pc_` + 128 random bits). The cookie carries the id and a keyed signature, so a visitor cannot
 * forge another visitor's id; the id itself says nothing about the person.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { newPrivacyCenterSubjectId, PRIVACY_CENTER_PREFIX } from './subject-key.ts';

/** Name of the privacy center's subject cookie. */
export const PRIVACY_CENTER_COOKIE = 'registre_subject';
/** Lifetime of the cookie: 13 months, the CNIL maximum for a tracker (it is strictly necessary here). */
export const PRIVACY_CENTER_COOKIE_MAX_AGE_SECONDS = 395 * 24 * 3600;

const ID = new RegExp(`^${PRIVACY_CENTER_PREFIX}[A-Za-z0-9_-]{22}$`);

function signature(secret: string, id: string): string {
  return createHmac('sha256', secret).update(`privacy-center\u0000${id}`).digest('base64url').slice(0, 32);
}

/** The cookie value for a subject id. */
export function signSubjectCookie(secret: string, id: string): string {
  return `${id}.${signature(secret, id)}`;
}

/** The subject id of a cookie value, or null when it is absent, malformed or not signed by us. */
export function verifySubjectCookie(secret: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const dot = value.lastIndexOf('.');
  if (dot < 0) return null;
  const id = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(signature(secret, id));
  if (!ID.test(id) || given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return id;
}

/** A new visitor: a fresh id and its cookie value. */
export function newSubjectCookie(secret: string): { id: string; value: string } {
  const id = newPrivacyCenterSubjectId();
  return { id, value: signSubjectCookie(secret, id) };
}
