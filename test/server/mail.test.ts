/** The mailer's outbox mode writes real .eml files that readOutbox decodes. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer } from '../../src/mail/create-mailer.ts';
import { readOutbox } from '../../src/mail/read-outbox.ts';

describe('mailer (outbox mode)', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  function outbox() {
    const dir = mkdtempSync(join(tmpdir(), 'registre-outbox-'));
    dirs.push(dir);
    return join(dir, 'outbox');
  }

  it('writes one .eml per message, in order, with French text intact', async () => {
    const dir = outbox();
    const mailer = createMailer({ smtpUrl: null, outboxDir: dir, from: 'Registre <privacy@example.org>' });
    expect(mailer.mode).toBe('outbox');
    const first = await mailer.send({
      to: 'jeanne@example.fr',
      subject: 'Votre demande d’accès — code de vérification',
      text: 'Bonjour,\nVotre code : 481 516.\nÀ bientôt — l’équipe données personnelles.',
    });
    await mailer.send({
      to: 'paul@example.fr',
      subject: 'Réponse',
      text: 'Texte',
      html: '<p>Réponse <strong>complète</strong></p>',
    });
    expect(first.file?.endsWith('.eml')).toBe(true);
    expect(readFileSync(first.file!, 'utf8')).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    const mails = readOutbox(dir);
    expect(mails).toHaveLength(2);
    expect(mails[0]).toMatchObject({
      to: 'jeanne@example.fr',
      from: 'Registre <privacy@example.org>',
      subject: 'Votre demande d’accès — code de vérification',
      text: 'Bonjour,\nVotre code : 481 516.\nÀ bientôt — l’équipe données personnelles.',
      html: null,
    });
    expect(mails[1]).toMatchObject({ to: 'paul@example.fr', subject: 'Réponse', text: 'Texte' });
    expect(mails[1]?.html).toBe('<p>Réponse <strong>complète</strong></p>');
  });

  it('reads an empty or missing outbox as no mail', () => {
    expect(readOutbox(join(outbox(), 'missing'))).toEqual([]);
  });

  it('selects SMTP when a URL is configured', () => {
    const mailer = createMailer({
      smtpUrl: 'smtp://127.0.0.1:1',
      outboxDir: outbox(),
      from: 'x@example.org',
    });
    expect(mailer.mode).toBe('smtp');
  });

  it('reports an SMTP failure with a registry code and without the recipient', async () => {
    const mailer = createMailer({
      smtpUrl: 'smtp://127.0.0.1:9?connectionTimeout=500&greetingTimeout=500',
      outboxDir: outbox(),
      from: 'x@example.org',
    });
    const error = await mailer
      .send({ to: 'jeanne@example.fr', subject: 's', text: 't' })
      .catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('REG_ERR_SERVER_MAIL_SEND');
    expect((error as Error).message).not.toContain('jeanne');
  });
});
