/** Enter the 6-digit code e-mailed after a request; then the request is in progress. */
import { type FormEvent, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { TRequestState } from '../../../../src/requests/states.ts';
import { post } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ErrorMessage, Notice } from '../../ui/status.tsx';
import type { SubmittedState } from './rights.tsx';

export function VerifyPage() {
  const { t, date } = useI18n();
  const { id = '' } = useParams();
  const location = useLocation();
  const submitted = (location.state as SubmittedState | null)?.submitted;
  const action = useAction();
  const [verified, setVerified] = useState(false);
  const [resent, setResent] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    setResent(false);
    const result = await action.run(() =>
      post<{ id: string; state: TRequestState }>(`/v1/privacy-center/requests/${id}/verify`, { code }),
    );
    if (result !== undefined) setVerified(true);
  }

  async function resend() {
    const done = await action.run(() => post(`/v1/privacy-center/requests/${id}/code`));
    if (done !== undefined) setResent(true);
  }

  const tracking =
    submitted === undefined ? null : (
      <>
        <p>
          <Link to={paths.requestStatus(submitted.id, submitted.statusToken)} data-testid="tracking-link">
            {t('verify.trackLink')}
          </Link>
        </p>
        <p className="hint">{t('verify.keepLink')}</p>
      </>
    );

  if (verified) {
    return (
      <Page title={t('verify.title')}>
        <Notice tone="success">{t('verify.done')}</Notice>
        {tracking}
      </Page>
    );
  }
  return (
    <Page title={t('verify.title')} lead={t('verify.lead')}>
      {submitted === undefined ? null : (
        <Notice tone="success">{t('verify.received', { date: date(submitted.dueOn) })}</Notice>
      )}
      {resent ? <Notice>{t('verify.resent')}</Notice> : null}
      <ErrorMessage error={action.error} />
      <form onSubmit={(event) => void submit(event)}>
        <TextField
          label={t('verify.code')}
          hint={t('verify.codeHint')}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9]{6}"
          maxLength={6}
          required
        />
        <div className="button-row">
          <button type="submit" className="primary" disabled={action.busy}>
            {t('verify.submit')}
          </button>
          <button type="button" className="secondary" disabled={action.busy} onClick={() => void resend()}>
            {t('verify.resend')}
          </button>
        </div>
      </form>
      {tracking}
    </Page>
  );
}
