/**
 * Free text typed by people: support tickets and webinar questions. Some of it carries personal
 * data (a signature, a phone number, an IBAN), as real free-text columns do.
 */
import type { Rng } from './prng.ts';

const TICKET_SUBJECTS = [
  'Facture introuvable dans mon espace',
  'Erreur sur le montant de la facture',
  'Changement de coordonnées bancaires',
  'Accès bloqué après plusieurs tentatives',
  'Relance envoyée par erreur à un débiteur',
  'Export comptable incomplet',
  'Question sur le format Factur-X',
  'Demande de suppression d’un utilisateur',
  'Mandat SEPA refusé',
  'Problème de connexion au portail',
];

const TICKET_OPENINGS = [
  'Bonjour,\n\nJe n’arrive pas à retrouver la facture {invoice} dans notre espace client.',
  'Bonjour,\n\nLe montant de la facture {invoice} ne correspond pas au bon de commande.',
  'Bonjour,\n\nNotre compte est bloqué depuis ce matin, impossible de se connecter.',
  'Bonjour,\n\nUn débiteur nous signale avoir reçu une relance alors qu’il a payé la facture {invoice}.',
  'Bonjour,\n\nL’export comptable du mois dernier ne contient pas toutes les écritures.',
  'Bonjour,\n\nPouvez-vous confirmer que nos factures sont bien transmises au format Factur-X ?',
];

/** A ticket subject. */
export function ticketSubject(rng: Rng): string {
  return rng.pick(TICKET_SUBJECTS);
}

/**
 * A ticket body: a request mentioning an invoice number, sometimes a call-back number or new
 * bank details, signed with the contact's name.
 */
export function ticketBody(
  rng: Rng,
  invoice: string,
  signature: string,
  extras: { phone?: string | null; iban?: string | null },
): string {
  let body = rng.pick(TICKET_OPENINGS).replace('{invoice}', invoice);
  if (extras.iban) body += `\nNos nouvelles coordonnées bancaires : ${extras.iban}.`;
  if (extras.phone) body += `\nVous pouvez me rappeler au ${extras.phone}.`;
  return `${body}\n\nCordialement,\n${signature}`;
}

const QUESTIONS = [
  'La facture électronique sera-t-elle obligatoire pour les micro-entreprises ?',
  'Comment gérer les avoirs dans Factur-X ?',
  'Peut-on automatiser les relances avant mise en demeure ?',
  'Quelle est la différence entre PDP et PPF ?',
  'Le module de recouvrement fonctionne-t-il pour des débiteurs belges ?',
  'Combien de temps conservez-vous les factures archivées ?',
];

/** A question asked at registration, sometimes with a way to be reached. */
export function webinarQuestion(rng: Rng, email: string | null): string {
  const q = rng.pick(QUESTIONS);
  return email !== null && rng.chance(0.3) ? `${q} Merci de me répondre à ${email}.` : q;
}
