/** Mail the server wrote into its outbox folder (no SMTP configured), read as a person would. */
import { type OutboxMail, readOutbox } from '../../../src/mail/read-outbox.ts';

/** Wait up to `timeoutMs` for a message to `to` whose subject or text matches `pattern`. */
export async function waitForMail(
  outboxDir: string,
  to: string,
  pattern: RegExp,
  options: { readonly after?: number; readonly timeoutMs?: number } = {},
): Promise<OutboxMail> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    const mails = readOutbox(outboxDir).slice(options.after ?? 0);
    const found = mails.find(
      (mail) => mail.to.includes(to) && (pattern.test(mail.subject) || pattern.test(mail.text)),
    );
    if (found !== undefined) return found;
    if (Date.now() > deadline) {
      throw new Error(
        `no mail to ${to} matching ${pattern} (outbox: ${mails.map((m) => `${m.to}: ${m.subject}`).join(' | ')})`,
      );
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

/** How many messages the outbox holds (to wait only for later ones). */
export function outboxSize(outboxDir: string): number {
  return readOutbox(outboxDir).length;
}
