/**
 * One breach: the facts and its clock, the Art 33(3) content completed in phases, the risk
 * assessment with the decisions (authority, Art 34 subjects) and their reasons, the notifications
 * made, and closing the record. The DPO writes; agents and auditors read.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TBreachContent, TBreachView } from '../../../../src/breach/breach-types.ts';
import { get, post } from '../../api/client.ts';
import { type Action, useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { BreachClock } from '../../ui/breach-clock.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ErrorMessage, Loaded, Notice } from '../../ui/status.tsx';
import { useUser } from '../session.tsx';
import { localNow, localToIso } from './breaches.tsx';

const TEXT_FIELDS = ['nature', 'consequences', 'measuresTaken', 'measuresProposed', 'contact'] as const;
const COUNT_FIELDS = ['approxSubjects', 'approxRecords'] as const;
const ID_FIELDS = ['dataCategories', 'subjectCategories'] as const;
const RECIPIENTS = ['authority', 'subjects', 'public', 'controller'] as const;
const CHANNELS = ['online-form', 'email', 'letter', 'phone', 'website', 'press', 'other'] as const;

function Form({
  title,
  lead,
  submit,
  action,
  run,
  children,
}: {
  readonly title: string;
  readonly lead?: string;
  readonly submit: string;
  readonly action: Action;
  readonly run: (form: FormData) => Promise<unknown>;
  readonly children: ReactNode;
}) {
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    if ((await action.run(() => run(new FormData(element)))) !== undefined) element.reset();
  }
  return (
    <form onSubmit={(event) => void onSubmit(event)} aria-label={title}>
      <h3>{title}</h3>
      {lead === undefined ? null : <p className="hint">{lead}</p>}
      {children}
      <button type="submit" className="primary" disabled={action.busy}>
        {submit}
      </button>
    </form>
  );
}

function ContentList({ content }: { readonly content: TBreachContent }) {
  const { t, number } = useI18n();
  const rows: [MessageKey, string][] = [];
  for (const field of TEXT_FIELDS)
    if (content[field] !== undefined) rows.push([`breach.${field}`, content[field]]);
  for (const field of COUNT_FIELDS)
    if (content[field] !== undefined) rows.push([`breach.${field}`, number(content[field])]);
  for (const field of ID_FIELDS)
    if (content[field] !== undefined) rows.push([`breach.${field}`, content[field].join(', ')]);
  if (rows.length === 0) return <p>{t('common.none')}</p>;
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} className="fact-pair">
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Editing({
  breach,
  onChanged,
}: {
  readonly breach: TBreachView;
  readonly onChanged: (view: TBreachView) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [authority, setAuthority] = useState(breach.authority.decision ?? 'notify');
  const [subjects, setSubjects] = useState(breach.subjects.decision ?? 'not-required');
  const base = `/v1/breaches/${breach.id}`;
  const apply = async (path: string, body: unknown) => {
    const view = await post<TBreachView>(path, body);
    onChanged(view);
    return view;
  };
  return (
    <section aria-labelledby="breach-edit">
      <h2 id="breach-edit">{t('breach.assessment')}</h2>
      <ErrorMessage error={action.error} />
      <div className="actions-grid">
        <Form
          title={t('breach.phase')}
          lead={t('breach.phaseLead')}
          submit={t('breach.phaseSubmit')}
          action={action}
          run={(form) => {
            const body: Record<string, unknown> = {};
            const text = (name: string) => String(form.get(name) ?? '').trim();
            for (const field of TEXT_FIELDS) if (text(field) !== '') body[field] = text(field);
            for (const field of COUNT_FIELDS) if (text(field) !== '') body[field] = Number(text(field));
            for (const field of ID_FIELDS) {
              if (text(field) !== '')
                body[field] = text(field)
                  .split(',')
                  .map((id) => id.trim())
                  .filter(Boolean);
            }
            return apply(`${base}/phases`, body);
          }}
        >
          {TEXT_FIELDS.map((field) => (
            <TextAreaField key={field} label={t(`breach.${field}`)} name={field} maxLength={4000} rows={2} />
          ))}
          {COUNT_FIELDS.map((field) => (
            <TextField key={field} label={t(`breach.${field}`)} name={field} type="number" min={0} />
          ))}
          {ID_FIELDS.map((field) => (
            <TextField key={field} label={t(`breach.${field}`)} hint={t('breach.idsHint')} name={field} />
          ))}
        </Form>
        <Form
          title={t('breach.assessment')}
          submit={t('breach.assessSubmit')}
          action={action}
          run={(form) => {
            const text = (name: string) => String(form.get(name) ?? '').trim();
            const exemption = text('exemption');
            return apply(`${base}/assessment`, {
              risk: text('risk'),
              authority: {
                decision: authority,
                ...(text('authorityReason') === '' ? {} : { reason: text('authorityReason') }),
              },
              subjects: {
                decision: subjects,
                ...(exemption === '' ? {} : { exemption }),
                ...(text('subjectsNote') === '' ? {} : { note: text('subjectsNote') }),
              },
            });
          }}
        >
          <SelectField
            label={t('breach.assessRisk')}
            name="risk"
            defaultValue={breach.risk ?? 'risk'}
            options={(['unlikely', 'risk', 'high'] as const).map((risk) => ({
              value: risk,
              label: t(`risk.${risk}`),
            }))}
          />
          <SelectField
            label={t('breach.authorityDecision')}
            name="authority"
            value={authority}
            onChange={(event) => setAuthority(event.target.value as typeof authority)}
            options={(['notify', 'not-required'] as const).map((d) => ({
              value: d,
              label: t(`breach.authority.${d}`),
            }))}
          />
          {authority === 'not-required' ? (
            <TextAreaField label={t('breach.authorityReason')} name="authorityReason" required rows={2} />
          ) : null}
          <SelectField
            label={t('breach.subjectsDecision')}
            name="subjects"
            value={subjects}
            onChange={(event) => setSubjects(event.target.value as typeof subjects)}
            options={(['inform', 'public-communication', 'not-required'] as const).map((d) => ({
              value: d,
              label: t(`breach.subjects.${d}`),
            }))}
          />
          {subjects === 'not-required' ? (
            <SelectField
              label={t('breach.exemption')}
              name="exemption"
              options={[
                { value: '', label: t('breach.exemption.none') },
                { value: 'encrypted', label: t('breach.exemption.encrypted') },
                { value: 'measures-removed-risk', label: t('breach.exemption.measures-removed-risk') },
              ]}
            />
          ) : null}
          <TextAreaField label={t('breach.subjectsNote')} name="subjectsNote" rows={2} maxLength={4000} />
        </Form>
        <Form
          title={t('breach.notify')}
          submit={t('breach.notifySubmit')}
          action={action}
          run={(form) => {
            const text = (name: string) => String(form.get(name) ?? '').trim();
            return apply(`${base}/notifications`, {
              recipient: text('recipient'),
              at: localToIso(text('at')),
              channel: text('channel'),
              ...(text('reference') === '' ? {} : { reference: text('reference') }),
              ...(text('recipientsCount') === '' ? {} : { recipientsCount: Number(text('recipientsCount')) }),
              ...(text('delayReason') === '' ? {} : { delayReason: text('delayReason') }),
            });
          }}
        >
          <SelectField
            label={t('breach.recipient')}
            name="recipient"
            options={RECIPIENTS.map((r) => ({ value: r, label: t(`breach.recipient.${r}`) }))}
          />
          <TextField
            label={t('breach.notifiedAt')}
            name="at"
            type="datetime-local"
            defaultValue={localNow()}
            required
          />
          <SelectField
            label={t('breach.channel')}
            name="channel"
            options={CHANNELS.map((c) => ({ value: c, label: t(`breach.channel.${c}`) }))}
          />
          <TextField label={t('breach.reference')} name="reference" maxLength={200} />
          <TextField label={t('breach.recipientsCount')} name="recipientsCount" type="number" min={0} />
          {breach.clock.hoursLeft < 0 ? (
            <TextAreaField label={t('breach.delayReason')} name="delayReason" rows={2} />
          ) : null}
        </Form>
        <Form
          title={t('breach.close')}
          lead={t('breach.closeLead')}
          submit={t('breach.close')}
          action={action}
          run={() => apply(`${base}/close`, {})}
        >
          {null}
        </Form>
      </div>
    </section>
  );
}

export function BreachPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useUser();
  const { id = '' } = useParams();
  const url = `/v1/breaches/${encodeURIComponent(id)}`;
  const loaded = useApi(url, (signal) => get<TBreachView>(url, { signal }));
  const [latest, setLatest] = useState<TBreachView | null>(null);
  const view = latest ?? loaded.data;
  return (
    <Page
      title={view === undefined ? t('breaches.title') : t('breach.title', { title: view.title })}
      actions={<Link to={paths.consoleBreaches}>{t('breaches.title')}</Link>}
    >
      <Loaded state={{ ...loaded, data: view }}>
        {(breach) => (
          <>
            <div className="cards">
              <section className="card" aria-labelledby="breach-facts">
                <h2 id="breach-facts">{t('breach.facts')}</h2>
                <dl className="facts">
                  <dt>{t('breaches.awareAt')}</dt>
                  <dd>{i18n.date(breach.awareAt, true)}</dd>
                  <dt>{t('breach.occurredAt')}</dt>
                  <dd>{i18n.date(breach.occurredAt, true)}</dd>
                  <dt>{t('breach.deadline')}</dt>
                  <dd>
                    {i18n.date(breach.clock.deadline, true)} <BreachClock clock={breach.clock} />
                  </dd>
                  <dt>{t('breaches.risk')}</dt>
                  <dd>{t(breach.risk === null ? 'risk.none' : `risk.${breach.risk}`)}</dd>
                  <dt>{t('breaches.status')}</dt>
                  <dd>{t(breach.status === 'open' ? 'breaches.open' : 'breaches.closed')}</dd>
                </dl>
              </section>
              <section className="card" aria-labelledby="breach-decisions">
                <h2 id="breach-decisions">{t('breach.decisions')}</h2>
                <dl className="facts">
                  <dt>{t('breach.authorityDecision')}</dt>
                  <dd>
                    {breach.authority.decision === null
                      ? t('risk.none')
                      : t(`breach.authority.${breach.authority.decision}`)}
                    {breach.authority.reason === null ? null : ` — ${breach.authority.reason}`}
                  </dd>
                  <dt>{t('breach.subjectsDecision')}</dt>
                  <dd>
                    {breach.subjects.decision === null
                      ? t('risk.none')
                      : t(`breach.subjects.${breach.subjects.decision}`)}
                    {breach.subjects.note === null ? null : ` — ${breach.subjects.note}`}
                  </dd>
                </dl>
              </section>
            </div>
            <section aria-labelledby="breach-content">
              <h2 id="breach-content">{t('breach.content')}</h2>
              <ContentList content={breach.content} />
            </section>
            <section aria-labelledby="breach-notifications">
              <h2 id="breach-notifications">{t('breach.notifications')}</h2>
              {breach.notifications.length === 0 ? (
                <p>{t('breach.noNotifications')}</p>
              ) : (
                <ul>
                  {breach.notifications.map((n) => (
                    <li key={n.id}>
                      {t(`breach.recipient.${n.recipient}`)} — {i18n.date(n.at, true)} —{' '}
                      {t(`breach.channel.${n.channel}`)}
                      {n.reference === null ? null : ` — ${n.reference}`}
                      {n.late ? (
                        <>
                          {' '}
                          <span className="badge badge-danger">{t('breach.late')}</span>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            {me.role === 'dpo' && breach.status === 'open' ? (
              <Editing breach={breach} onChanged={setLatest} />
            ) : breach.status === 'closed' ? (
              <Notice>{t('breach.closeLead')}</Notice>
            ) : null}
          </>
        )}
      </Loaded>
    </Page>
  );
}
