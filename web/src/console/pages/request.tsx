/**
 * One request in full (reading it is audited by the server): the person, the deadline, the
 * timeline, and what can be done — assign, note, reply, extend with a reason, refuse, record a
 * withdrawal, and fulfil through the engine.
 */
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { RestrictionGround } from '../../../../src/engine/subject/restrict.ts';
import type { TRequestDetail } from '../../../../src/requests/views.ts';
import { get, post } from '../../api/client.ts';
import { type Action, useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { DaysLeft } from '../../ui/deadline.tsx';
import { SelectField, TextAreaField, TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { StateBadge } from '../../ui/state-badge.tsx';
import { ErrorMessage, Loaded, Notice } from '../../ui/status.tsx';
import { useUser } from '../session.tsx';

const RESTRICTION_GROUNDS = Object.keys({
  'accuracy-contested': 0,
  'unlawful-processing': 0,
  'legal-claims': 0,
  'objection-pending': 0,
} satisfies Record<RestrictionGround, 0>) as RestrictionGround[];
const REFUSAL_GROUNDS = ['manifestly-unfounded', 'excessive', 'identity-not-verified'] as const;
const WRITERS = new Set(['admin', 'dpo', 'agent']);

function useActor() {
  const { t } = useI18n();
  const me = useUser();
  return (actor: string) => {
    if (actor === `user:${me.id}`) return t('actor.me');
    if (actor.startsWith('user:')) return t('actor.user');
    if (actor.startsWith('token:')) return t('actor.token');
    if (actor === 'subject') return t('actor.subject');
    return t('actor.system');
  };
}

/** A small form that posts `body(form)` to `path` and reports back. */
function ActionForm({
  title,
  lead,
  submit,
  children,
  action,
  run,
  tone = 'primary',
}: {
  readonly title: string;
  readonly lead?: string;
  readonly submit: string;
  readonly children: ReactNode;
  readonly action: Action;
  readonly run: (form: FormData) => Promise<unknown>;
  readonly tone?: 'primary' | 'secondary' | 'danger';
}) {
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    if ((await action.run(() => run(form))) !== undefined) element.reset();
  }
  return (
    <form onSubmit={(event) => void onSubmit(event)} aria-label={title}>
      <h3>{title}</h3>
      {lead === undefined ? null : <p className="hint">{lead}</p>}
      {children}
      <button type="submit" className={tone} disabled={action.busy}>
        {submit}
      </button>
    </form>
  );
}

function FulfilForm({
  request,
  action,
  onDone,
}: {
  readonly request: TRequestDetail;
  readonly action: Action;
  readonly onDone: () => void;
}) {
  const { t } = useI18n();
  const right = t(`right.${request.right}`);
  async function run(form: FormData) {
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const body =
      request.right === 'rectification'
        ? { right: request.right, changes: { [text('column')]: text('value') } }
        : request.right === 'restriction'
          ? { right: request.right, ground: text('ground') }
          : { right: request.right };
    const result = await post(`/v1/requests/${request.id}/fulfil`, body);
    onDone();
    return result;
  }
  return (
    <ActionForm
      title={t('request.fulfil')}
      lead={t('request.fulfilLead')}
      submit={t('request.fulfilSubmit', { right })}
      action={action}
      run={run}
    >
      {request.right === 'rectification' ? (
        <>
          <TextField
            label={t('request.rectifyColumn')}
            hint={t('request.rectifyHint')}
            name="column"
            required
            pattern="[A-Za-z_][A-Za-z0-9_]*"
          />
          <TextField label={t('request.rectifyValue')} name="value" required />
        </>
      ) : null}
      {request.right === 'restriction' ? (
        <SelectField
          label={t('request.restrictGround')}
          name="ground"
          options={RESTRICTION_GROUNDS.map((ground) => ({
            value: ground,
            label: t(`request.ground.${ground}`),
          }))}
        />
      ) : null}
    </ActionForm>
  );
}

function Actions({
  request,
  onChanged,
}: {
  readonly request: TRequestDetail;
  readonly onChanged: () => void;
}) {
  const { t, date } = useI18n();
  const me = useUser();
  const action = useAction();
  const [message, setMessage] = useState<string | null>(null);
  const working = request.state === 'in_progress' || request.state === 'extended';
  const open = request.closedAt === null;
  const done = (text: string) => () => {
    setMessage(text);
    onChanged();
  };
  const postThen = (path: string, body: unknown, then: () => void) => async () => {
    const result = await post(path, body);
    then();
    return result;
  };
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('request.actions')}</h2>
      {message === null ? null : <Notice tone="success">{message}</Notice>}
      <ErrorMessage error={action.error} />
      <div className="button-row">
        {request.assigneeId === me.id ? (
          <button
            type="button"
            className="secondary"
            disabled={action.busy}
            onClick={() =>
              void action.run(
                postThen(`/v1/requests/${request.id}/assign`, { assigneeId: null }, done(t('request.done'))),
              )
            }
          >
            {t('request.unassign')}
          </button>
        ) : (
          <button
            type="button"
            className="secondary"
            disabled={action.busy}
            onClick={() =>
              void action.run(
                postThen(`/v1/requests/${request.id}/assign`, { assigneeId: me.id }, done(t('request.done'))),
              )
            }
          >
            {t('request.assignToMe')}
          </button>
        )}
      </div>
      <div className="actions-grid">
        {working ? (
          <FulfilForm
            request={request}
            action={action}
            onDone={() => {
              setMessage(t('request.done'));
              onChanged();
            }}
          />
        ) : null}
        {request.state === 'in_progress' && request.extendedDueOn === null ? (
          <ActionForm
            title={t('request.extend')}
            lead={t('request.extendLead')}
            submit={t('request.extendSubmit')}
            action={action}
            run={async (form) => {
              const summary = await post<{ extendedDueOn: string | null }>(
                `/v1/requests/${request.id}/extend`,
                {
                  reason: String(form.get('reason') ?? '').trim(),
                },
              );
              done(t('request.extended', { date: date(summary.extendedDueOn) }))();
              return summary;
            }}
          >
            <TextAreaField label={t('request.extendReason')} name="reason" required maxLength={5000} />
          </ActionForm>
        ) : null}
        <ActionForm
          title={t('request.note')}
          submit={t('request.noteSubmit')}
          action={action}
          tone="secondary"
          run={(form) =>
            postThen(
              `/v1/requests/${request.id}/notes`,
              { text: String(form.get('text') ?? '').trim() },
              done(t('request.done')),
            )()
          }
        >
          <TextAreaField label={t('request.noteText')} name="text" required maxLength={5000} />
        </ActionForm>
        <ActionForm
          title={t('request.reply')}
          submit={t('request.replySubmit')}
          action={action}
          tone="secondary"
          run={(form) =>
            postThen(
              `/v1/requests/${request.id}/replies`,
              { text: String(form.get('text') ?? '').trim() },
              done(t('request.done')),
            )()
          }
        >
          <TextAreaField label={t('request.replyText')} name="text" required maxLength={5000} />
        </ActionForm>
        {open ? (
          <ActionForm
            title={t('request.refuse')}
            lead={t('request.refuseLead')}
            submit={t('request.refuseSubmit')}
            action={action}
            tone="danger"
            run={(form) =>
              postThen(
                `/v1/requests/${request.id}/refuse`,
                { ground: String(form.get('ground') ?? ''), reason: String(form.get('reason') ?? '').trim() },
                done(t('request.done')),
              )()
            }
          >
            <SelectField
              label={t('request.refuseGround')}
              name="ground"
              options={REFUSAL_GROUNDS.map((ground) => ({ value: ground, label: t(`refusal.${ground}`) }))}
            />
            <TextAreaField label={t('request.refuseReason')} name="reason" required maxLength={5000} />
          </ActionForm>
        ) : null}
        {open ? (
          <ActionForm
            title={t('request.withdraw')}
            submit={t('request.withdrawSubmit')}
            action={action}
            tone="secondary"
            run={(form) => {
              const reason = String(form.get('reason') ?? '').trim();
              return postThen(
                `/v1/requests/${request.id}/withdraw`,
                reason === '' ? {} : { reason },
                done(t('request.done')),
              )();
            }}
          >
            <TextAreaField label={t('request.withdrawReason')} name="reason" maxLength={5000} />
          </ActionForm>
        ) : null}
      </div>
    </section>
  );
}

function Fact({ label, children }: { readonly label: MessageKey; readonly children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <dt>{t(label)}</dt>
      <dd>{children}</dd>
    </>
  );
}

export function RequestPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useUser();
  const actor = useActor();
  const { id = '' } = useParams();
  const url = `/v1/requests/${encodeURIComponent(id)}`;
  const request = useApi(url, (signal) => get<TRequestDetail>(url, { signal }));
  const data = request.data;
  const title =
    data === undefined
      ? t('inbox.title')
      : t('request.title', { right: t(`right.${data.right}`), date: i18n.date(data.receivedAt) });
  return (
    <Page title={title} actions={<Link to={paths.consoleRequests}>{t('inbox.title')}</Link>}>
      <Loaded state={request}>
        {(detail) => (
          <>
            <div className="cards">
              <section className="card" aria-labelledby="facts-heading">
                <h2 id="facts-heading">{t('request.facts')}</h2>
                <dl className="facts">
                  <Fact label="inbox.state">
                    <StateBadge state={detail.state} />
                  </Fact>
                  <Fact label="inbox.channel">{t(`channel.${detail.channel}`)}</Fact>
                  <Fact label="inbox.received">{i18n.date(detail.receivedAt, true)}</Fact>
                  <Fact label="request.dueOn">
                    {i18n.date(detail.dueOn)}{' '}
                    {detail.extendedDueOn === null ? <DaysLeft daysLeft={detail.daysLeft} /> : null}
                  </Fact>
                  {detail.extendedDueOn === null ? null : (
                    <Fact label="request.extendedDueOn">
                      {i18n.date(detail.extendedDueOn)} <DaysLeft daysLeft={detail.daysLeft} />
                    </Fact>
                  )}
                  {detail.extensionReason === null ? null : (
                    <Fact label="request.extensionReason">{detail.extensionReason}</Fact>
                  )}
                  {detail.refusalGround === null ? null : (
                    <Fact label="request.refusal">
                      {t(`refusal.${detail.refusalGround}`)}
                      {detail.refusalReason === null ? null : ` — ${detail.refusalReason}`}
                    </Fact>
                  )}
                  <Fact label="request.assignee">
                    {detail.assigneeId === null
                      ? t('inbox.unassigned')
                      : detail.assigneeId === me.id
                        ? t('inbox.assignedToMe')
                        : t('inbox.assignedToOther')}
                  </Fact>
                </dl>
                {detail.possiblyRepetitive ? <Notice tone="warning">{t('request.repeatOf')}</Notice> : null}
              </section>
              <section className="card" aria-labelledby="subject-heading">
                <h2 id="subject-heading">{t('request.subject')}</h2>
                <dl className="facts">
                  <Fact label="request.email">{detail.subject.email}</Fact>
                  {detail.subject.name === null ? null : (
                    <Fact label="request.name">{detail.subject.name}</Fact>
                  )}
                  {detail.subject.details === null ? null : (
                    <Fact label="request.details">{detail.subject.details}</Fact>
                  )}
                  <Fact label="request.verifiedAt">
                    {detail.verifiedAt === null
                      ? t('request.notVerified')
                      : i18n.date(detail.verifiedAt, true)}
                  </Fact>
                </dl>
              </section>
            </div>
            {detail.outcome === null ? null : (
              <section aria-labelledby="outcome-heading">
                <h2 id="outcome-heading">{t('request.outcome')}</h2>
                <p>{detail.outcome.summary}</p>
                <p>
                  {detail.outcome.subjectFound ? t('request.subjectFound') : t('request.subjectNotFound')}
                </p>
                {Object.keys(detail.outcome.rowCounts).length === 0 ? null : (
                  <ScrollTable caption={t('request.rowCounts')}>
                    <tbody>
                      {Object.entries(detail.outcome.rowCounts).map(([table, count]) => (
                        <tr key={table}>
                          <th scope="row">
                            <code>{table}</code>
                          </th>
                          <td className="number">{i18n.number(count)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </ScrollTable>
                )}
              </section>
            )}
            {detail.exports.length === 0 ? null : (
              <section aria-labelledby="exports-heading">
                <h2 id="exports-heading">{t('request.exports')}</h2>
                <ul>
                  {detail.exports.map((item) => (
                    <li key={item.id}>
                      {t('request.exportLine', {
                        files: item.files.map((file) => file.name).join(', '),
                        created: i18n.date(item.createdAt, true),
                        expires: i18n.date(item.expiresAt, true),
                        downloads: item.downloads,
                      })}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {!WRITERS.has(me.role) ? (
              <Notice>{t('request.readOnly')}</Notice>
            ) : detail.closedAt !== null ? (
              <Notice>{t('request.closed')}</Notice>
            ) : (
              <Actions request={detail} onChanged={request.reload} />
            )}
            <section aria-labelledby="timeline-heading">
              <h2 id="timeline-heading">{t('request.timeline')}</h2>
              <ol className="timeline">
                {detail.timeline.map((event) => (
                  <li key={event.seq}>
                    <time dateTime={event.at}>{i18n.date(event.at, true)}</time>
                    <strong>{t(`event.${event.kind}`)}</strong> —{' '}
                    {t('request.by', { actor: actor(event.actor) })}
                    {event.body === null ? null : <p className="event-body">{event.body}</p>}
                  </li>
                ))}
              </ol>
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
