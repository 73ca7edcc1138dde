/**
 * The e-mails sent to data subjects about their request, in French or English. They carry no
 * more personal data than the subject gave; the code and links appear only in the message body.
 */
import type { LoadedPolicy } from '../../policy/loaded-policy.ts';
import { labelOf } from '../../policy/taxonomy/labels.ts';
import type { Language } from '../../policy/taxonomy/types.ts';
import { rightLabel } from '../rights.ts';
import type { TRefusalGround } from '../types.ts';

export interface Message {
  readonly subject: string;
  readonly text: string;
}

export interface MessageContext {
  readonly policy: LoadedPolicy;
  readonly language: Language;
  readonly requestId: string;
  readonly right: string;
}

function lowerFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toLowerCase() + text.slice(1);
}

function frenchDate(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('fr-FR', { timeZone: 'UTC', dateStyle: 'long' });
}

function englishDate(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { timeZone: 'UTC', dateStyle: 'long' });
}

function dateIn(language: Language, day: string): string {
  return language === 'fr' ? frenchDate(day) : englishDate(day);
}

function organisation(ctx: MessageContext): string {
  return ctx.policy.policy.organisation.name;
}

function signature(ctx: MessageContext): string {
  return ctx.language === 'fr'
    ? `\n\nRéférence de votre demande : ${ctx.requestId}\n${organisation(ctx)}`
    : `\n\nYour request reference: ${ctx.requestId}\n${organisation(ctx)}`;
}

/** Where to complain (Art 77), from the policy's `rights.complaint`. */
export function complaintText(policy: LoadedPolicy, language: Language): string {
  const complaint = policy.policy.rights.complaint;
  const authority = policy.taxonomy.authorities.get(complaint.authority);
  const name = labelOf(policy.taxonomy, 'authorities', complaint.authority, language);
  const where =
    complaint.contact?.form ??
    complaint.contact?.website ??
    authority?.complaintUrl ??
    authority?.website ??
    complaint.contact?.email;
  const address = authority?.address;
  const parts = [name, where, address].filter((p): p is string => p !== undefined && p !== '');
  return language === 'fr'
    ? `Vous pouvez introduire une réclamation auprès de l'autorité de contrôle : ${parts.join(', ')}.`
    : `You may lodge a complaint with the supervisory authority: ${parts.join(', ')}.`;
}

/** The identity-verification code, with the link to follow the request (first message only). */
export function codeMessage(
  ctx: MessageContext,
  code: string,
  minutes: number,
  statusUrl: string | null,
): Message {
  const right = lowerFirst(rightLabel(ctx.policy, ctx.right, ctx.language));
  if (ctx.language === 'fr') {
    return {
      subject: `${organisation(ctx)} — code de vérification de votre demande`,
      text:
        `Bonjour,\n\nNous avons bien reçu votre demande (${right}). Pour confirmer qu'elle vient de vous, ` +
        `saisissez ce code sur la page de votre demande :\n\n    ${code}\n\n` +
        `Il est valable ${minutes} minutes. Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.` +
        (statusUrl === null ? '' : `\n\nSuivre votre demande : ${statusUrl}`) +
        signature(ctx),
    };
  }
  return {
    subject: `${organisation(ctx)} — verification code for your request`,
    text:
      `Hello,\n\nWe have received your request (${right}). To confirm it comes from you, enter this code ` +
      `on your request's page:\n\n    ${code}\n\nIt is valid for ${minutes} minutes. If you did not make ` +
      `this request, ignore this message.` +
      (statusUrl === null ? '' : `\n\nFollow your request: ${statusUrl}`) +
      signature(ctx),
  };
}

/** Acknowledgement of a request whose identity is already established (agent intake, DRP). */
export function acknowledgementMessage(ctx: MessageContext, dueOn: string, statusUrl: string): Message {
  const right = lowerFirst(rightLabel(ctx.policy, ctx.right, ctx.language));
  if (ctx.language === 'fr') {
    return {
      subject: `${organisation(ctx)} — votre demande est enregistrée`,
      text:
        `Bonjour,\n\nVotre demande (${right}) est enregistrée. Nous y répondrons au plus tard le ` +
        `${frenchDate(dueOn)}.\n\nSuivre votre demande : ${statusUrl}` +
        signature(ctx),
    };
  }
  return {
    subject: `${organisation(ctx)} — your request is registered`,
    text:
      `Hello,\n\nYour request (${right}) is registered. We will answer by ${englishDate(dueOn)} at the ` +
      `latest.\n\nFollow your request: ${statusUrl}` +
      signature(ctx),
  };
}

/** Art 12(3): the extension and its reasons, within the first month. */
export function extensionMessage(ctx: MessageContext, reason: string, newDueOn: string): Message {
  if (ctx.language === 'fr') {
    return {
      subject: `${organisation(ctx)} — prolongation du délai de réponse à votre demande`,
      text:
        `Bonjour,\n\nEn application de l'article 12, paragraphe 3, du RGPD, nous prolongeons le délai de ` +
        `réponse à votre demande jusqu'au ${frenchDate(newDueOn)}, pour la raison suivante :\n\n${reason}` +
        signature(ctx),
    };
  }
  return {
    subject: `${organisation(ctx)} — extension of the time to answer your request`,
    text:
      `Hello,\n\nUnder Article 12(3) GDPR, we are extending the time to answer your request until ` +
      `${englishDate(newDueOn)}, for the following reason:\n\n${reason}` +
      signature(ctx),
  };
}

const GROUND_WORDS: Readonly<Record<TRefusalGround, Record<Language, string>>> = {
  'manifestly-unfounded': {
    fr: 'elle est manifestement infondée (article 12, paragraphe 5, du RGPD)',
    en: 'it is manifestly unfounded (Article 12(5) GDPR)',
  },
  excessive: {
    fr: 'elle est manifestement excessive, notamment en raison de son caractère répétitif (article 12, paragraphe 5, du RGPD)',
    en: 'it is manifestly excessive, in particular because of its repetitive character (Article 12(5) GDPR)',
  },
  'identity-not-verified': {
    fr: "votre identité n'a pas pu être vérifiée (article 12, paragraphe 6, du RGPD)",
    en: 'your identity could not be verified (Article 12(6) GDPR)',
  },
  'right-not-granted': {
    fr: "ce droit n'est pas ouvert selon notre politique de confidentialité",
    en: 'this right is not available under our privacy policy',
  },
};

/** Art 12(4): no action, with the reasons and the right to complain. */
export function refusalMessage(ctx: MessageContext, ground: TRefusalGround, reason: string): Message {
  const complaint = complaintText(ctx.policy, ctx.language);
  const words = GROUND_WORDS[ground][ctx.language];
  if (ctx.language === 'fr') {
    return {
      subject: `${organisation(ctx)} — réponse à votre demande`,
      text:
        `Bonjour,\n\nNous ne pouvons pas donner suite à votre demande : ${words}.\n\n${reason}\n\n` +
        `${complaint} Vous pouvez également former un recours juridictionnel.` +
        signature(ctx),
    };
  }
  return {
    subject: `${organisation(ctx)} — answer to your request`,
    text:
      `Hello,\n\nWe cannot act on your request: ${words}.\n\n${reason}\n\n` +
      `${complaint} You may also seek a judicial remedy.` +
      signature(ctx),
  };
}

/** A reply written by an agent. */
export function replyMessage(ctx: MessageContext, body: string): Message {
  return {
    subject:
      ctx.language === 'fr'
        ? `${organisation(ctx)} — au sujet de votre demande`
        : `${organisation(ctx)} — about your request`,
    text: `${body}${signature(ctx)}`,
  };
}

/** The answer: what was done, and the download links when a copy was made. */
export function completionMessage(
  ctx: MessageContext,
  summary: readonly string[],
  download: { readonly urls: readonly string[]; readonly expiresAt: string } | null,
): Message {
  const lines = summary.map((line) => `- ${line}`).join('\n');
  const until = download === null ? '' : dateIn(ctx.language, download.expiresAt.slice(0, 10));
  const links = download === null ? '' : download.urls.map((url) => `  ${url}`).join('\n');
  if (ctx.language === 'fr') {
    return {
      subject: `${organisation(ctx)} — réponse à votre demande`,
      text:
        `Bonjour,\n\nNous avons traité votre demande :\n\n${lines}` +
        (download === null
          ? ''
          : `\n\nVos fichiers sont à télécharger jusqu'au ${until} ; ces liens sont personnels, ne les transmettez pas :\n${links}`) +
        `\n\n${complaintText(ctx.policy, 'fr')}` +
        signature(ctx),
    };
  }
  return {
    subject: `${organisation(ctx)} — answer to your request`,
    text:
      `Hello,\n\nWe have handled your request:\n\n${lines}` +
      (download === null
        ? ''
        : `\n\nYour files can be downloaded until ${until}; these links are personal, do not share them:\n${links}`) +
      `\n\n${complaintText(ctx.policy, 'en')}` +
      signature(ctx),
  };
}
