/**
 * Outgoing e-mail. With an SMTP URL (REGISTRE_SMTP_URL) messages go through nodemailer's SMTP
 * transport; without one they are written as `.eml` files into an outbox folder (default
 * `.registre/outbox/`), which a mail client opens and tests read with `readOutbox`.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { RegistreError } from '../errors/registry.ts';

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

export interface SentMail {
  readonly messageId: string;
  /** The `.eml` file written, in outbox mode. */
  readonly file?: string;
}

export interface Mailer {
  /** How messages leave: `smtp` or `outbox`. */
  readonly mode: 'smtp' | 'outbox';
  send(message: MailMessage): Promise<SentMail>;
}

export interface MailerConfig {
  readonly smtpUrl: string | null;
  readonly outboxDir: string;
  /** Sender, e.g. `Registre <privacy@example.org>`. */
  readonly from: string;
  /** For file names in the outbox (injected clock). */
  readonly clock?: () => Date;
}

/** A mailer for `config`: SMTP when `smtpUrl` is set, else the outbox folder. */
export function createMailer(config: MailerConfig): Mailer {
  const clock = config.clock ?? (() => new Date());
  if (config.smtpUrl !== null) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      mode: 'smtp',
      async send(message) {
        try {
          const info = await transport.sendMail({ from: config.from, ...message });
          return { messageId: String(info.messageId) };
        } catch (error) {
          // The SMTP error may quote the recipient: keep it as the cause, out of the message.
          throw new RegistreError('REG_ERR_SERVER_MAIL_SEND', 'SMTP delivery failed', { cause: error });
        }
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let sequence = 0;
  return {
    mode: 'outbox',
    async send(message) {
      const info = await transport.sendMail({
        from: config.from,
        ...message,
        // base64 bodies keep the outbox trivially decodable (see read-outbox.ts).
        textEncoding: 'base64',
      });
      mkdirSync(config.outboxDir, { recursive: true });
      const stamp = clock().toISOString().replace(/[:.]/g, '-');
      sequence += 1;
      const file = join(
        config.outboxDir,
        `${stamp}-${String(sequence).padStart(6, '0')}-${randomUUID()}.eml`,
      );
      writeFileSync(file, info.message as Buffer, { mode: 0o600 });
      return { messageId: String(info.messageId), file };
    },
  };
}
