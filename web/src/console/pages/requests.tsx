/** The request inbox: filters, deadlines with days left (overdue flagged), and intake by an agent. */
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TRequestRight } from '../../../../src/requests/rights.ts';
import type { TRequestState } from '../../../../src/requests/states.ts';
import type { TRequestSummary } from '../../../../src/requests/views.ts';
import { get, post, withQuery } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { DaysLeft } from '../../ui/deadline.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { StateBadge } from '../../ui/state-badge.tsx';
import { ErrorMessage, Loaded, Notice } from '../../ui/status.tsx';
import { useUser } from '../session.tsx';

/** Every state and right, in display order (the records are exhaustive over the API's types). */
export const STATES = Object.keys({
  received: 0,
  verifying: 0,
  in_progress: 0,
  extended: 0,
  completed: 0,
  refused: 0,
  withdrawn: 0,
} satisfies Record<TRequestState, 0>) as TRequestState[];
export const RIGHTS = Object.keys({
  access: 0,
  rectification: 0,
  erasure: 0,
  restriction: 0,
  portability: 0,
  objection: 0,
  'objection-direct-marketing': 0,
} satisfies Record<TRequestRight, 0>) as TRequestRight[];

const WRITERS = new Set(['admin', 'dpo', 'agent']);

function IntakeForm({ onCreated }: { readonly onCreated: () => void }) {
  const { t, lang } = useI18n();
  const action = useAction();
  const [created, setCreated] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const receivedAt = text('receivedAt');
    const body = {
      right: text('right'),
      email: text('email'),
      channel: text('channel'),
      language: lang,
      identityVerified: form.get('identityVerified') === 'on',
      ...(text('name') === '' ? {} : { name: text('name') }),
      ...(text('details') === '' ? {} : { details: text('details') }),
      ...(receivedAt === '' ? {} : { receivedAt: new Date(receivedAt).toISOString() }),
    };
    const done = await action.run(() => post('/v1/requests', body));
    if (done !== undefined) {
      element.reset();
      setCreated(true);
      onCreated();
    }
  }
  return (
    <section aria-labelledby="intake-heading">
      <h2 id="intake-heading">{t('inbox.new')}</h2>
      <p className="hint">{t('inbox.newLead')}</p>
      {created ? <Notice tone="success">{t('inbox.created')}</Notice> : null}
      <ErrorMessage error={action.error} />
      <form onSubmit={(event) => void submit(event)}>
        <SelectField
          label={t('inbox.right')}
          name="right"
          options={RIGHTS.map((r) => ({ value: r, label: t(`right.${r}`) }))}
        />
        <TextField label={t('request.email')} name="email" type="email" autoComplete="off" required />
        <TextField label={t('request.name')} name="name" autoComplete="off" />
        <TextAreaField label={t('request.details')} name="details" maxLength={5000} />
        <SelectField
          label={t('inbox.newChannel')}
          name="channel"
          defaultValue="email"
          options={(['email', 'postal', 'phone', 'console'] as const).map((c) => ({
            value: c,
            label: t(`channel.${c}`),
          }))}
        />
        <TextField
          label={t('inbox.newReceivedAt')}
          hint={t('inbox.newReceivedAtHint')}
          name="receivedAt"
          type="datetime-local"
        />
        <CheckboxField label={t('inbox.newVerified')} name="identityVerified" />
        <button type="submit" className="primary" disabled={action.busy}>
          {t('inbox.newSubmit')}
        </button>
      </form>
    </section>
  );
}

export function RequestsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useUser();
  const [search, setSearch] = useSearchParams();
  const filters = {
    state: search.get('state') ?? '',
    right: search.get('right') ?? '',
    assignee: search.get('assignee') ?? '',
    overdue: search.get('overdue') === 'true' ? 'true' : '',
  };
  const url = withQuery('/v1/requests', {
    state: filters.state,
    right: filters.right,
    assignee: filters.assignee === 'mine' ? me.id : filters.assignee,
    overdue: filters.overdue,
    limit: 200,
  });
  const requests = useApi(url, (signal) => get<TRequestSummary[]>(url, { signal }));

  function applyFilters(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ['state', 'right', 'assignee']) {
      const value = String(form.get(name) ?? '');
      if (value !== '') next.set(name, value);
    }
    if (form.get('overdue') === 'on') next.set('overdue', 'true');
    setSearch(next);
  }

  return (
    <Page title={t('inbox.title')} lead={t('inbox.lead')}>
      <form className="wide filters" onSubmit={applyFilters} aria-label={t('inbox.filters')}>
        <div className="filter-row">
          <SelectField
            label={t('inbox.state')}
            name="state"
            defaultValue={filters.state}
            options={[
              { value: '', label: t('common.all') },
              ...STATES.map((s) => ({ value: s, label: t(`state.${s}`) })),
            ]}
          />
          <SelectField
            label={t('inbox.right')}
            name="right"
            defaultValue={filters.right}
            options={[
              { value: '', label: t('common.all') },
              ...RIGHTS.map((r) => ({ value: r, label: t(`right.${r}`) })),
            ]}
          />
          <SelectField
            label={t('inbox.assignee')}
            name="assignee"
            defaultValue={filters.assignee}
            options={[
              { value: '', label: t('inbox.assignee.all') },
              { value: 'mine', label: t('inbox.assignee.mine') },
              { value: 'none', label: t('inbox.assignee.none') },
            ]}
          />
        </div>
        <CheckboxField
          label={t('inbox.overdueOnly')}
          name="overdue"
          defaultChecked={filters.overdue === 'true'}
        />
        <button type="submit" className="secondary">
          {t('inbox.apply')}
        </button>
      </form>
      <Loaded state={requests}>
        {(list) =>
          list.length === 0 ? (
            <p>{t('inbox.empty')}</p>
          ) : (
            <ScrollTable caption={t('inbox.table')}>
              <thead>
                <tr>
                  <th scope="col">{t('inbox.received')}</th>
                  <th scope="col">{t('inbox.right')}</th>
                  <th scope="col">{t('inbox.state')}</th>
                  <th scope="col">{t('inbox.due')}</th>
                  <th scope="col">{t('inbox.channel')}</th>
                  <th scope="col">{t('inbox.assignee')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((request) => (
                  <tr key={request.id}>
                    <td>
                      <Link
                        to={paths.consoleRequest(request.id)}
                        aria-label={t('inbox.open', {
                          date: i18n.date(request.receivedAt),
                          right: t(`right.${request.right}`),
                        })}
                      >
                        {i18n.date(request.receivedAt)}
                      </Link>
                    </td>
                    <td>
                      {t(`right.${request.right}`)}
                      {request.possiblyRepetitive ? (
                        <>
                          {' '}
                          <span className="badge badge-warning">{t('inbox.repetitive')}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <StateBadge state={request.state} />
                    </td>
                    <td>
                      {i18n.date(request.extendedDueOn ?? request.dueOn)}{' '}
                      <DaysLeft daysLeft={request.daysLeft} />
                    </td>
                    <td>{t(`channel.${request.channel}`)}</td>
                    <td>
                      {request.assigneeId === null
                        ? t('inbox.unassigned')
                        : request.assigneeId === me.id
                          ? t('inbox.assignedToMe')
                          : t('inbox.assignedToOther')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </ScrollTable>
          )
        }
      </Loaded>
      {WRITERS.has(me.role) ? <IntakeForm onCreated={requests.reload} /> : null}
    </Page>
  );
}
