/** Sending a message to the subject of a request, at the address sealed in the request. */
import type { SentMail } from '../../mail/create-mailer.ts';
import type { RequestsDeps } from '../deps.ts';
import type { RequestRow } from '../store/request-row.ts';
import type { Message, MessageContext } from './messages.ts';

/** The subject's e-mail address, opened from the request row. */
export function subjectEmail(
  deps: Pick<RequestsDeps, 'sealer'>,
  row: Pick<RequestRow, 'id' | 'email_sealed'>,
): string {
  return deps.sealer.open(row.email_sealed, `${row.id}/email`);
}

/** The context the message templates need for `row`. */
export function messageContext(
  deps: Pick<RequestsDeps, 'policy'>,
  row: Pick<RequestRow, 'id' | 'right' | 'language'>,
): MessageContext {
  return {
    policy: deps.policy(),
    language: row.language === 'en' ? 'en' : 'fr',
    requestId: row.id,
    right: row.right,
  };
}

/** Send `message` to the subject of `row` (REG_ERR_SERVER_MAIL_SEND when delivery fails). */
export function sendToSubject(
  deps: Pick<RequestsDeps, 'sealer' | 'mailer'>,
  row: Pick<RequestRow, 'id' | 'email_sealed'>,
  message: Message,
): Promise<SentMail> {
  return deps.mailer.send({ to: subjectEmail(deps, row), subject: message.subject, text: message.text });
}
