/**
 * Exercise a right: one choice per right the policy grants (with the limits it states); the rights
 * it does not grant are listed apart with the policy's reason and are not offered. The request is
 * sent with the e-mail address the verification code goes to.
 */
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import type { TRequestState } from '../../../../src/requests/states.ts';
import { post } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { TextAreaField, TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ErrorMessage, Loaded } from '../../ui/status.tsx';
import { type TPrivacyCenterSite, useSite } from '../site.tsx';

export interface Submitted {
  readonly id: string;
  readonly state: TRequestState;
  readonly dueOn: string;
  readonly statusToken: string;
}

/** What the verification page receives from the form (kept in the history entry, never stored). */
export interface SubmittedState {
  readonly submitted: Submitted;
}

/** Rights whose request makes no sense without saying what to change or object to. */
const DETAILS_REQUIRED = new Set(['rectification']);

function RightsForm({ site }: { readonly site: TPrivacyCenterSite }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const action = useAction();
  const granted = site.rights.filter((right) => right.granted);
  const [right, setRight] = useState<string>('');
  const [missingRight, setMissingRight] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (right === '') {
      setMissingRight(true);
      return;
    }
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const details = String(form.get('details') ?? '').trim();
    const body = {
      right,
      email: String(form.get('email') ?? '').trim(),
      language: lang,
      ...(name === '' ? {} : { name }),
      ...(details === '' ? {} : { details }),
    };
    const submitted = await action.run(() => post<Submitted>('/v1/privacy-center/requests', body));
    if (submitted !== undefined) {
      void navigate(paths.requestVerify(submitted.id), { state: { submitted } satisfies SubmittedState });
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate={false}>
      <p className="hint">{t('common.required')}</p>
      <ErrorMessage error={action.error} />
      <fieldset aria-describedby={missingRight ? 'right-missing' : undefined}>
        <legend>
          {t('rights.choose')} <span aria-hidden="true">*</span>
        </legend>
        {missingRight ? (
          <p className="field-error" id="right-missing">
            {t('rights.pickOne')}
          </p>
        ) : null}
        {granted.map((entry) => (
          <div className="choice" key={entry.right}>
            <input
              type="radio"
              name="right"
              id={`right-${entry.right}`}
              value={entry.right}
              checked={right === entry.right}
              onChange={() => {
                setRight(entry.right);
                setMissingRight(false);
              }}
              required
              aria-describedby={entry.reasons.length === 0 ? undefined : `right-${entry.right}-limits`}
            />
            <div>
              <label htmlFor={`right-${entry.right}`}>
                {entry.label}
                {entry.article === null ? null : <span className="hint"> (art. {entry.article})</span>}
              </label>
              {entry.reasons.length === 0 ? null : (
                <p className="hint" id={`right-${entry.right}-limits`}>
                  {t('rights.limits', { reasons: entry.reasons.join(' ; ') })}
                </p>
              )}
            </div>
          </div>
        ))}
      </fieldset>
      <TextField
        label={t('rights.email')}
        hint={t('rights.emailHint')}
        name="email"
        type="email"
        autoComplete="email"
        required
      />
      <TextField label={t('rights.name')} name="name" autoComplete="name" />
      <TextAreaField
        label={DETAILS_REQUIRED.has(right) ? t('rights.detailsRequired') : t('rights.details')}
        hint={t('rights.detailsHint')}
        name="details"
        maxLength={5000}
        required={DETAILS_REQUIRED.has(right)}
      />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('rights.submit')}
      </button>
    </form>
  );
}

export function RightsPage() {
  const { t } = useI18n();
  const site = useSite();
  return (
    <Page title={t('rights.title')} lead={t('rights.lead')}>
      <Loaded state={site}>
        {(facts) => {
          const refused = facts.rights.filter((right) => !right.granted);
          return (
            <>
              <RightsForm site={facts} />
              {refused.length === 0 ? null : (
                <section aria-labelledby="not-offered-heading">
                  <h2 id="not-offered-heading">{t('rights.notOffered')}</h2>
                  <p>{t('rights.notOfferedLead')}</p>
                  <ul>
                    {refused.map((entry) => (
                      <li key={entry.right} className="choice-limited">
                        <strong>{entry.label}</strong> —{' '}
                        {entry.reasons.length === 0
                          ? t('rights.notOfferedNoReason')
                          : t('rights.notOfferedReason', { reasons: entry.reasons.join(' ; ') })}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
