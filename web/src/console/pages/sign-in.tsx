/** Sign-in: e-mail and password, then the authenticator code when the account has TOTP on. */
import { type FormEvent, useState } from 'react';
import type { TUserView } from '../../../../src/accounts/user-view.ts';
import { post } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ErrorMessage, Notice } from '../../ui/status.tsx';
import { useSession } from '../session.tsx';

interface SignedIn {
  readonly user: TUserView;
  readonly sessionExpiresAt: string;
  readonly idleTimeoutMinutes: number;
}

export function SignInPage() {
  const { t } = useI18n();
  const session = useSession();
  const action = useAction();
  const [needsTotp, setNeedsTotp] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body: Record<string, string> = {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    };
    const code = String(form.get('totpCode') ?? '').trim();
    if (needsTotp && code !== '') body.totpCode = code;
    const result = await action.run(() => post<SignedIn>('/v1/auth/sign-in', body, { quiet401: true }));
    if (result !== undefined) session.signedIn(result.user);
  }

  if (action.error?.code === 'REG_ERR_ACCOUNTS_TOTP_REQUIRED' && !needsTotp) setNeedsTotp(true);

  return (
    <Page title={t('signIn.title')} lead={t('signIn.lead')}>
      {session.ended === 'expired' ? <Notice tone="warning">{t('signIn.expired')}</Notice> : null}
      {session.ended === 'signed-out' ? <Notice>{t('signIn.signedOut')}</Notice> : null}
      <ErrorMessage error={action.error} title={t('signIn.failed')} />
      <form onSubmit={(event) => void submit(event)} aria-label={t('signIn.title')}>
        <TextField label={t('signIn.email')} name="email" type="email" autoComplete="username" required />
        <TextField
          label={t('signIn.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        {needsTotp ? (
          <TextField
            label={t('signIn.totp')}
            hint={t('signIn.totpHint')}
            name="totpCode"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
          />
        ) : null}
        <button type="submit" className="primary" disabled={action.busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </Page>
  );
}
