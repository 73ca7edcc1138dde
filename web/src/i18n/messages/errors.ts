/**
 * The API's error codes (src/errors/codes/*.ts) said in the visitor's language. A code missing
 * here shows the server's English message instead.
 */
import { defineMessages } from '../define.ts';

export const errors = defineMessages(
  {
    'errors.REG_ERR_NETWORK': 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.',
    'errors.REG_ERR_INTERNAL': 'Une erreur inattendue est survenue. Réessayez plus tard.',
    'errors.REG_ERR_SERVER_VALIDATION': 'Certains champs ne sont pas valides.',
    'errors.REG_ERR_SERVER_UNAUTHENTICATED': 'Connectez-vous pour continuer.',
    'errors.REG_ERR_SERVER_FORBIDDEN': 'Votre rôle ne permet pas cette action.',
    'errors.REG_ERR_SERVER_NOT_FOUND': 'Introuvable.',
    'errors.REG_ERR_SERVER_RATE_LIMITED': 'Trop de demandes en peu de temps. Patientez une minute.',
    'errors.REG_ERR_ACCOUNTS_INVALID_CREDENTIALS': 'Adresse e-mail ou mot de passe incorrect.',
    'errors.REG_ERR_ACCOUNTS_LOCKED':
      'Ce compte est verrouillé après plusieurs échecs de connexion. Réessayez dans 15 minutes ou demandez à un administrateur de le déverrouiller.',
    'errors.REG_ERR_ACCOUNTS_TOTP_REQUIRED': 'Saisissez le code de votre application d’authentification.',
    'errors.REG_ERR_ACCOUNTS_TOTP_CODE_INVALID': 'Le code d’authentification est incorrect.',
    'errors.REG_ERR_ACCOUNTS_TOTP_STATE':
      'La double authentification n’est pas dans un état qui permet cette action.',
    'errors.REG_ERR_ACCOUNTS_SESSION_EXPIRED': 'Votre session a expiré. Connectez-vous de nouveau.',
    'errors.REG_ERR_ACCOUNTS_PASSWORD_CHANGE_REQUIRED': 'Choisissez d’abord un nouveau mot de passe.',
    'errors.REG_ERR_ACCOUNTS_PASSWORD_MISMATCH': 'Le mot de passe actuel est incorrect.',
    'errors.REG_ERR_ACCOUNTS_PASSWORD_REUSED': 'Le nouveau mot de passe doit être différent de l’actuel.',
    'errors.REG_ERR_ACCOUNTS_EMAIL_TAKEN': 'Un compte utilise déjà cette adresse e-mail.',
    'errors.REG_ERR_ACCOUNTS_USER_NOT_FOUND': 'Utilisateur introuvable.',
    'errors.REG_ERR_ACCOUNTS_LAST_ADMIN':
      'Le dernier administrateur actif ne peut être ni rétrogradé ni désactivé.',
  },
  {
    'errors.REG_ERR_NETWORK': 'The server does not answer. Check your connection and try again.',
    'errors.REG_ERR_INTERNAL': 'Something unexpected went wrong. Try again later.',
    'errors.REG_ERR_SERVER_VALIDATION': 'Some fields are not valid.',
    'errors.REG_ERR_SERVER_UNAUTHENTICATED': 'Sign in to continue.',
    'errors.REG_ERR_SERVER_FORBIDDEN': 'Your role does not allow this.',
    'errors.REG_ERR_SERVER_NOT_FOUND': 'Not found.',
    'errors.REG_ERR_SERVER_RATE_LIMITED': 'Too many requests in a short time. Wait a minute.',
    'errors.REG_ERR_ACCOUNTS_INVALID_CREDENTIALS': 'Wrong e-mail address or password.',
    'errors.REG_ERR_ACCOUNTS_LOCKED':
      'This account is locked after repeated failed sign-ins. Try again in 15 minutes or ask an administrator to unlock it.',
    'errors.REG_ERR_ACCOUNTS_TOTP_REQUIRED': 'Enter the code of your authenticator app.',
    'errors.REG_ERR_ACCOUNTS_TOTP_CODE_INVALID': 'The authenticator code is wrong.',
    'errors.REG_ERR_ACCOUNTS_TOTP_STATE': 'Two-factor authentication is not in a state that allows this.',
    'errors.REG_ERR_ACCOUNTS_SESSION_EXPIRED': 'Your session has expired. Sign in again.',
    'errors.REG_ERR_ACCOUNTS_PASSWORD_CHANGE_REQUIRED': 'Choose a new password first.',
    'errors.REG_ERR_ACCOUNTS_PASSWORD_MISMATCH': 'The current password is wrong.',
    'errors.REG_ERR_ACCOUNTS_PASSWORD_REUSED': 'The new password must differ from the current one.',
    'errors.REG_ERR_ACCOUNTS_EMAIL_TAKEN': 'An account already uses this e-mail address.',
    'errors.REG_ERR_ACCOUNTS_USER_NOT_FOUND': 'No such user.',
    'errors.REG_ERR_ACCOUNTS_LAST_ADMIN': 'The last active administrator cannot be demoted or disabled.',
  },
);
