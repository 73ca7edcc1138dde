/** Post-mortem directives (French Data Protection Act art. 85), when the policy offers them. */
import { type FormEvent, useState } from 'react';
import { post } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { TextAreaField, TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ErrorMessage, Loaded, Notice } from '../../ui/status.tsx';
import { useSite } from '../site.tsx';

const WISHES = ['erase', 'keep', 'communicate'] as const;

export function DirectivesPage() {
  const { t, lang } = useI18n();
  const site = useSite();
  const action = useAction();
  const [sent, setSent] = useState(false);
  const [wish, setWish] = useState<(typeof WISHES)[number]>('erase');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const trustedName = text('trustedName');
    const trustedEmail = text('trustedEmail');
    const body = {
      email: text('email'),
      name: text('name'),
      wish,
      language: lang,
      ...(trustedName === '' && trustedEmail === ''
        ? {}
        : { trustedPerson: { name: trustedName, email: trustedEmail } }),
      ...(text('details') === '' ? {} : { details: text('details') }),
    };
    const done = await action.run(() => post('/v1/privacy-center/post-mortem-directives', body));
    if (done !== undefined) {
      element.reset();
      setSent(true);
    }
  }

  return (
    <Page title={t('directives.title')} lead={t('directives.lead')}>
      <Loaded state={site}>
        {(facts) =>
          !facts.postMortem.available ? (
            <Notice>{t('directives.unavailable')}</Notice>
          ) : (
            <>
              {sent ? <Notice tone="success">{t('directives.sent')}</Notice> : null}
              <ErrorMessage error={action.error} />
              <form onSubmit={(event) => void submit(event)}>
                <p className="hint">{t('common.required')}</p>
                <TextField
                  label={t('directives.email')}
                  name="email"
                  type="email"
                  autoComplete="email"
                  required
                />
                <TextField label={t('directives.name')} name="name" autoComplete="name" required />
                <fieldset>
                  <legend>{t('directives.wish')}</legend>
                  {WISHES.map((value) => (
                    <label key={value} className="choice">
                      <input
                        type="radio"
                        name="wish"
                        value={value}
                        checked={wish === value}
                        onChange={() => setWish(value)}
                      />
                      <span>{t(`directives.wish.${value}`)}</span>
                    </label>
                  ))}
                </fieldset>
                <fieldset>
                  <legend>{t('directives.trusted')}</legend>
                  <TextField
                    label={t('directives.trustedName')}
                    name="trustedName"
                    autoComplete="off"
                    required={wish === 'communicate'}
                  />
                  <TextField
                    label={t('directives.trustedEmail')}
                    name="trustedEmail"
                    type="email"
                    autoComplete="off"
                    required={wish === 'communicate'}
                  />
                </fieldset>
                <TextAreaField label={t('directives.details')} name="details" maxLength={5000} />
                <button type="submit" className="primary" disabled={action.busy}>
                  {t('directives.submit')}
                </button>
              </form>
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
