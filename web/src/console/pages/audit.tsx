/**
 * The audit log: the last verification of the hash chains (the DPO and administrators run a new
 * one; auditors read the result), and the entries of either trail — the organisation's database
 * or Registre's own — page by page, filtered by operation and day. Subjects appear as pseudonyms.
 */
import { type FormEvent, useId, useState } from 'react';
import { AUDIT_OPERATIONS } from '../../../../src/audit/operations.ts';
import type { TAuditEntriesPage, TAuditVerification } from '../../../../src/server/routes/audit.ts';
import { get, post, withQuery } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { ErrorMessage, Loaded } from '../../ui/status.tsx';
import { useUser } from '../session.tsx';

const PAGE_SIZE = 25;
const LIST = { margin: 0, paddingLeft: '1.1rem' } as const;
const OPERATIONS = Object.keys(AUDIT_OPERATIONS);

/** The first characters of a hash, the whole of it in the title. */
function ShortHash({ hash }: { readonly hash: string | null }) {
  if (hash === null) return <>—</>;
  return <code title={hash}>{hash.slice(0, 12)}…</code>;
}

export function VerificationResult({ verification }: { readonly verification: TAuditVerification }) {
  const i18n = useI18n();
  const { t, plural } = i18n;
  return (
    <div data-testid="verification-result">
      <p>
        <span
          className={`badge ${verification.ok ? 'badge-ok' : 'badge-danger'}`}
          data-testid="verification-status"
        >
          {verification.ok ? `✓ ${t('audit.resultOk')}` : `✗ ${t('audit.resultBroken')}`}
        </span>
      </p>
      <dl className="facts">
        <dt>{t('audit.verifiedAt')}</dt>
        <dd data-testid="verification-date">{i18n.date(verification.verifiedAt, true)}</dd>
        <dt>{t('audit.verifiedBy')}</dt>
        <dd>{verification.actorName ?? verification.actor}</dd>
        <dt>{t('audit.checked')}</dt>
        <dd data-testid="verification-entries">{i18n.number(verification.entries)}</dd>
      </dl>
      <ul style={LIST}>
        {verification.trails.map((trail) => (
          <li key={trail.trail}>
            {t('audit.trailLine', {
              trail: t(`audit.trail.${trail.trail}`),
              status: t(`audit.status.${trail.status}`),
              entries: plural('dashboard.auditEntries', trail.entries),
            })}
            {trail.lastHash === null || trail.entries === 0 ? null : (
              <>
                {' · '}
                {t('audit.lastHash')} <ShortHash hash={trail.lastHash} />
              </>
            )}
            {trail.note === null ? null : <span className="hint"> — {trail.note}</span>}
            {trail.problems.length === 0 ? null : (
              <ul style={LIST} aria-label={t('audit.problems')}>
                {trail.problems.map((problem) => (
                  <li key={`${problem.kind}-${problem.seq}`}>
                    <span className="badge badge-danger">{problem.kind}</span> {problem.message}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Verification() {
  const { t } = useI18n();
  const me = useUser();
  const id = useId();
  const action = useAction();
  const latest = useApi('audit-latest', (signal) =>
    get<{ verification: TAuditVerification | null }>('/v1/audit/verifications/latest', { signal }),
  );
  const [fresh, setFresh] = useState<TAuditVerification | null>(null);
  const canVerify = me.role === 'dpo' || me.role === 'admin';
  async function verify() {
    const result = await action.run(() => post<TAuditVerification>('/v1/audit/verify'));
    if (result !== undefined) {
      setFresh(result);
      latest.reload();
    }
  }
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{t('audit.lastVerification')}</h2>
      <ErrorMessage error={action.error} />
      <div aria-live="polite">
        <Loaded state={latest}>
          {({ verification }) => {
            const shown = fresh ?? verification;
            return shown === null ? <p>{t('audit.never')}</p> : <VerificationResult verification={shown} />;
          }}
        </Loaded>
      </div>
      {canVerify ? (
        <div className="button-row">
          <button type="button" className="primary" disabled={action.busy} onClick={() => void verify()}>
            {action.busy ? t('audit.verifying') : t('audit.verify')}
          </button>
          <p className="hint">{t('audit.verifyHint')}</p>
        </div>
      ) : (
        <p className="hint">{t('audit.readOnly')}</p>
      )}
    </section>
  );
}

interface Filters {
  readonly trail: 'target' | 'store';
  readonly operation: string;
  readonly from: string;
  readonly to: string;
}

function Entries() {
  const i18n = useI18n();
  const { t } = i18n;
  const filtersId = useId();
  const [filters, setFilters] = useState<Filters>({ trail: 'target', operation: '', from: '', to: '' });
  const [page, setPage] = useState(1);
  const query = withQuery('/v1/audit/entries', { ...filters, page, pageSize: PAGE_SIZE });
  const entries = useApi(query, (signal) => get<TAuditEntriesPage>(query, { signal }));
  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    setFilters({
      trail: text('trail') === 'store' ? 'store' : 'target',
      operation: text('operation'),
      from: text('from'),
      to: text('to'),
    });
    setPage(1);
  }
  return (
    <section aria-labelledby={filtersId}>
      <h2 id={filtersId}>{t('audit.filters')}</h2>
      <form className="wide" onSubmit={apply}>
        <div className="cards">
          <SelectField
            label={t('audit.trail')}
            name="trail"
            defaultValue={filters.trail}
            options={[
              { value: 'target', label: t('audit.trail.target') },
              { value: 'store', label: t('audit.trail.store') },
            ]}
          />
          <SelectField
            label={t('audit.operation')}
            name="operation"
            defaultValue={filters.operation}
            options={[
              { value: '', label: t('audit.allOperations') },
              ...OPERATIONS.map((op) => ({ value: op, label: op })),
            ]}
          />
          <TextField label={t('audit.from')} name="from" type="date" defaultValue={filters.from} />
          <TextField label={t('audit.to')} name="to" type="date" defaultValue={filters.to} />
        </div>
        <button type="submit" className="secondary">
          {t('audit.apply')}
        </button>
      </form>
      <Loaded state={entries}>
        {(data) => {
          if (!data.exists) return <p>{t('audit.noTrail')}</p>;
          const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
          return (
            <>
              {data.entries.length === 0 ? (
                <p>{t('audit.noEntry')}</p>
              ) : (
                <ScrollTable
                  testId="audit-table"
                  style={{ minWidth: '60rem' }}
                  caption={t('audit.table', { count: data.total })}
                >
                  <thead>
                    <tr>
                      <th scope="col" className="number">
                        {t('audit.seq')}
                      </th>
                      <th scope="col">{t('audit.at')}</th>
                      <th scope="col">{t('audit.operation')}</th>
                      <th scope="col">{t('audit.actor')}</th>
                      <th scope="col">{t('audit.subject')}</th>
                      <th scope="col">{t('audit.rows')}</th>
                      <th scope="col">{t('audit.reason')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.entries.map((entry) => (
                      <tr key={entry.seq}>
                        <td className="number">{entry.seq}</td>
                        <td>{i18n.date(entry.at, true)}</td>
                        <td>
                          <code>{entry.operation}</code>
                        </td>
                        <td>
                          <code>{entry.actor}</code>
                        </td>
                        <td>{entry.subjectRef === null ? '—' : <ShortHash hash={entry.subjectRef} />}</td>
                        <td>
                          {Object.entries(entry.rowCounts)
                            .map(([table, n]) => `${table} ${i18n.number(n)}`)
                            .join(', ') || '—'}
                        </td>
                        <td>{entry.reason}</td>
                      </tr>
                    ))}
                  </tbody>
                </ScrollTable>
              )}
              <nav aria-label={t('audit.pagination')} className="button-row">
                <button
                  type="button"
                  className="secondary"
                  disabled={page <= 1 || entries.loading}
                  onClick={() => setPage((p) => Math.max(1, p - 1))}
                >
                  {t('audit.previous')}
                </button>
                <p aria-live="polite" data-testid="audit-page">
                  {t('audit.page', { page, pages })}
                </p>
                <button
                  type="button"
                  className="secondary"
                  disabled={page >= pages || entries.loading}
                  onClick={() => setPage((p) => p + 1)}
                >
                  {t('audit.next')}
                </button>
              </nav>
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

export function AuditPage() {
  const { t } = useI18n();
  return (
    <Page title={t('audit.title')} lead={t('audit.lead')}>
      <Verification />
      <Entries />
    </Page>
  );
}
