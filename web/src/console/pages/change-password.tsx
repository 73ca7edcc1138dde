/** Change one's password: forced after a one-time password, or from "My account". */
import { type FormEvent, useState } from 'react';
import { post } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ErrorMessage, Notice } from '../../ui/status.tsx';
import { useSession } from '../session.tsx';

/** The form alone (also used inside the account page). */
export function ChangePasswordForm({ onChanged }: { readonly onChanged: () => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [mismatch, setMismatch] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword !== String(form.get('confirm') ?? '')) {
      setMismatch(t('password.mismatch'));
      return;
    }
    setMismatch(null);
    const ok = await action.run(async () => {
      await post('/v1/auth/password', {
        currentPassword: String(form.get('currentPassword') ?? ''),
        newPassword,
      });
      return true;
    });
    if (ok === true) {
      element.reset();
      setDone(true);
      onChanged();
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)}>
      {done ? <Notice tone="success">{t('password.changed')}</Notice> : null}
      <ErrorMessage error={action.error} />
      <TextField
        label={t('password.current')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        required
      />
      <TextField
        label={t('password.new')}
        hint={t('password.newHint')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={12}
        required
      />
      <TextField
        label={t('password.confirm')}
        name="confirm"
        type="password"
        autoComplete="new-password"
        minLength={12}
        required
        error={mismatch}
      />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('password.submit')}
      </button>
    </form>
  );
}

export function ChangePasswordPage({ forced = false }: { readonly forced?: boolean }) {
  const { t } = useI18n();
  const session = useSession();
  return (
    <Page title={t('password.title')} lead={forced ? t('password.lead') : undefined}>
      <ChangePasswordForm onChanged={() => void session.refresh()} />
    </Page>
  );
}
