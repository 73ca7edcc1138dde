/** The breach register: every breach with its 72-hour clock; the DPO records a new one. */
import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TBreachSummary, TBreachView } from '../../../../src/breach/breach-types.ts';
import { get, post } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { BreachClock } from '../../ui/breach-clock.tsx';
import { TextAreaField, TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { ErrorMessage, Loaded } from '../../ui/status.tsx';
import { useUser } from '../session.tsx';

/** `YYYY-MM-DDTHH:mm` of now in local time, for a datetime-local field. */
export function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** A datetime-local value as an ISO instant (the browser's time zone). */
export function localToIso(value: string): string {
  return new Date(value).toISOString();
}

function RecordForm() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const action = useAction();
  const [awareAt] = useState(localNow);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const body = {
      title: text('title'),
      awareAt: localToIso(text('awareAt')),
      ...(text('occurredAt') === '' ? {} : { occurredAt: localToIso(text('occurredAt')) }),
      ...(text('nature') === '' ? {} : { content: { nature: text('nature') } }),
    };
    const breach = await action.run(() => post<TBreachView>('/v1/breaches', body));
    if (breach !== undefined) void navigate(paths.consoleBreach(breach.id));
  }
  return (
    <section aria-labelledby="record-breach">
      <h2 id="record-breach">{t('breaches.new')}</h2>
      <ErrorMessage error={action.error} />
      <form onSubmit={(event) => void submit(event)}>
        <TextField label={t('breaches.newTitle')} name="title" required maxLength={200} />
        <TextField
          label={t('breaches.newAwareAt')}
          hint={t('breaches.newAwareAtHint')}
          name="awareAt"
          type="datetime-local"
          defaultValue={awareAt}
          required
        />
        <TextField label={t('breaches.newOccurredAt')} name="occurredAt" type="datetime-local" />
        <TextAreaField label={t('breaches.newNature')} name="nature" maxLength={4000} />
        <button type="submit" className="primary" disabled={action.busy}>
          {t('breaches.newSubmit')}
        </button>
      </form>
    </section>
  );
}

export function BreachesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useUser();
  const breaches = useApi('breaches', (signal) => get<TBreachSummary[]>('/v1/breaches', { signal }));
  return (
    <Page title={t('breaches.title')} lead={t('breaches.lead')}>
      <Loaded state={breaches}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('breaches.empty')}</p>
          ) : (
            <ScrollTable caption={t('breaches.table')}>
              <thead>
                <tr>
                  <th scope="col">{t('breaches.newTitle')}</th>
                  <th scope="col">{t('breaches.awareAt')}</th>
                  <th scope="col">{t('breaches.clock')}</th>
                  <th scope="col">{t('breaches.risk')}</th>
                  <th scope="col">{t('breaches.status')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((breach) => (
                  <tr key={breach.id}>
                    <td>
                      <Link to={paths.consoleBreach(breach.id)}>{breach.title}</Link>
                    </td>
                    <td>{i18n.date(breach.awareAt, true)}</td>
                    <td>
                      <BreachClock clock={breach.clock} />
                    </td>
                    <td>{t(breach.risk === null ? 'risk.none' : `risk.${breach.risk}`)}</td>
                    <td>{t(breach.status === 'open' ? 'breaches.open' : 'breaches.closed')}</td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )
        }
      </Loaded>
      {me.role === 'dpo' ? <RecordForm /> : null}
    </Page>
  );
}
