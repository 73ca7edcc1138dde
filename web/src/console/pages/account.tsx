/** My account: password and the TOTP second factor (enrol with the key, confirm with a first code). */
import { type FormEvent, useState } from 'react';
import type { TTotpEnrolment } from '../../../../src/accounts/enrol-totp.ts';
import { post } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ErrorMessage, Notice } from '../../ui/status.tsx';
import { useSession, useUser } from '../session.tsx';
import { ChangePasswordForm } from './change-password.tsx';

const field = (event: FormEvent<HTMLFormElement>, name: string) =>
  String(new FormData(event.currentTarget).get(name) ?? '').trim();

function TotpSection() {
  const { t } = useI18n();
  const user = useUser();
  const session = useSession();
  const action = useAction();
  const [enrolment, setEnrolment] = useState<TTotpEnrolment | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function enrol(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = field(event, 'password');
    const result = await action.run(() => post<TTotpEnrolment>('/v1/auth/totp/enrol', { password }));
    if (result !== undefined) {
      setEnrolment(result);
      setMessage(null);
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = field(event, 'code');
    const ok = await action.run(async () => {
      await post('/v1/auth/totp/confirm', { code });
      return true;
    });
    if (ok === true) {
      setEnrolment(null);
      setMessage(t('account.totpEnabled'));
      await session.refresh();
    }
  }

  async function disable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const body = { password: field(event, 'password'), code: field(event, 'code') };
    const ok = await action.run(async () => {
      await post('/v1/auth/totp/disable', body);
      return true;
    });
    if (ok === true) {
      setMessage(t('account.totpDisabled'));
      await session.refresh();
    }
  }

  return (
    <section aria-labelledby="totp-heading">
      <h2 id="totp-heading">{t('account.totp')}</h2>
      {message === null ? null : <Notice tone="success">{message}</Notice>}
      <ErrorMessage error={action.error} />
      <p>{user.totpEnabled ? t('account.totpOn') : t('account.totpOff')}</p>
      {user.totpEnabled ? (
        <form onSubmit={(event) => void disable(event)}>
          <TextField
            label={t('account.totpPassword')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <TextField
            label={t('account.totpDisableCode')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
          />
          <button type="submit" className="secondary" disabled={action.busy}>
            {t('account.totpDisable')}
          </button>
        </form>
      ) : enrolment === null ? (
        <form onSubmit={(event) => void enrol(event)}>
          <TextField
            label={t('account.totpPassword')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
          <button type="submit" className="primary" disabled={action.busy}>
            {t('account.totpStart')}
          </button>
        </form>
      ) : (
        <form onSubmit={(event) => void confirm(event)}>
          <p>{t('account.totpSecret')}</p>
          <p>
            <code className="secret" data-testid="totp-secret">
              {enrolment.secret}
            </code>
          </p>
          <p>
            <a href={enrolment.otpauthUrl}>{t('account.totpLink')}</a>
          </p>
          <TextField
            label={t('account.totpConfirmCode')}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9]{6}"
            maxLength={6}
            required
          />
          <button type="submit" className="primary" disabled={action.busy}>
            {t('account.totpConfirm')}
          </button>
        </form>
      )}
    </section>
  );
}

export function AccountPage() {
  const { t } = useI18n();
  const user = useUser();
  const session = useSession();
  return (
    <Page title={t('account.title')} lead={`${user.displayName} · ${user.email} · ${t(`role.${user.role}`)}`}>
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">{t('account.changePassword')}</h2>
        <ChangePasswordForm onChanged={() => void session.refresh()} />
      </section>
      <TotpSection />
    </Page>
  );
}
