/**
 * The Art 30 register: one row per activity with the main columns (purposes, legal bases,
 * subjects, data, recipients, transfers, retention), and the downloads (CSV, HTML, DPV JSON-LD).
 * Every staff role reads it.
 */
import { useId } from 'react';
import type {
  Art30Record,
  Art30Register,
  RegisterCell,
} from '../../../../src/policy/render/register/register-types.ts';
import { get, withQuery } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { ColumnHeads, ScrollTable } from '../../ui/scroll-table.tsx';
import { Loaded } from '../../ui/status.tsx';

type Row = Readonly<Record<string, RegisterCell>>;

/** The columns shown, with a minimum width each so long cells wrap into readable lines. */
const COLUMNS = [
  ['register.col.record', '9rem'],
  ['register.col.activity', '12rem'],
  ['register.col.purposes', '14rem'],
  ['register.col.legalBases', '14rem'],
  ['register.col.subjects', '11rem'],
  ['register.col.data', '20rem'],
  ['register.col.recipients', '18rem'],
  ['register.col.transfers', '14rem'],
  ['register.col.retention', '26rem'],
] as const;

/** A cell: a single value, or a list. Single values are the register's "None"/"Not stated" words. */
export function Cell({ cell }: { readonly cell: RegisterCell | undefined }) {
  const { t } = useI18n();
  if (cell === undefined) return <>{t('register.none')}</>;
  if (typeof cell === 'string') return <>{cell}</>;
  return (
    <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
      {cell.map((value) => (
        <li key={value}>{value}</li>
      ))}
    </ul>
  );
}

/** Only the lists of several cells (a single string is a "None"-like fallback), joined. */
function lists(row: Row, keys: readonly string[]): string[] {
  return keys.flatMap((key) => {
    const cell = row[key];
    return Array.isArray(cell) ? cell : [];
  });
}

/** The data-family columns of the record, as "Family: values". */
function dataOf(
  record: Art30Record<string>,
  row: Row,
  say: (family: string, values: string) => string,
): string[] {
  return record.columns
    .filter((column) => column.group === 'data')
    .flatMap((column) => {
      const cell = row[column.key];
      return Array.isArray(cell) ? [say(column.groupItem ?? column.header, cell.join(', '))] : [];
    });
}

function RegisterRows({ record }: { readonly record: Art30Record<string> }) {
  const { t } = useI18n();
  const processor = record.kind === 'processor';
  return (
    <>
      {record.rows.map((raw) => {
        const row = raw as Row;
        const recipients = lists(
          row,
          processor ? ['subProcessors'] : ['recipientsInternal', 'recipientsExternal', 'processors'],
        );
        const data = dataOf(record, row, (family, values) => t('register.family', { family, values }));
        return (
          <tr key={String(row.activityId)} data-activity={String(row.activityId)}>
            <td>
              <span className={`badge ${processor ? 'badge-neutral' : 'badge-ok'}`}>
                {t(processor ? 'register.record.processor' : 'register.record.controller')}
              </span>
            </td>
            <th scope="row">
              <Cell cell={row.activity} />
              <br />
              <code className="hint">{String(row.activityId)}</code>
            </th>
            <td>
              <Cell cell={processor ? row.processingCategories : row.purposes} />
            </td>
            <td>{processor ? t('register.none') : <Cell cell={row.legalBases} />}</td>
            <td>
              <Cell cell={row.subjects} />
            </td>
            <td>{data.length === 0 ? t('register.none') : <Cell cell={data} />}</td>
            <td>{recipients.length === 0 ? t('register.none') : <Cell cell={recipients} />}</td>
            <td>
              <Cell cell={row.transfers} />
            </td>
            <td>
              <Cell cell={row.retention} />
            </td>
          </tr>
        );
      })}
    </>
  );
}

function Downloads() {
  const { t, lang } = useI18n();
  const id = useId();
  const link = (format: string) => withQuery('/v1/register', { format, lang });
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{t('register.downloads')}</h2>
      <div className="button-row">
        <a className="button" href={link('csv')} download data-testid="download-csv">
          {t('register.downloadCsv')}
        </a>
        <a className="button secondary" href={link('html')} download data-testid="download-html">
          {t('register.downloadHtml')}
        </a>
        <a className="button secondary" href={link('dpv')} download data-testid="download-dpv">
          {t('register.downloadDpv')}
        </a>
      </div>
      <p className="hint">{t('register.downloadHint')}</p>
    </section>
  );
}

export function RegisterPage() {
  const { t, lang } = useI18n();
  const register = useApi(`register-${lang}`, (signal) =>
    get<Art30Register>(withQuery('/v1/register', { format: 'json', lang }), { signal }),
  );
  return (
    <Page title={t('register.title')} lead={t('register.lead')}>
      <Loaded state={register}>
        {(data) => {
          const count = data.controllerRecord.rows.length + data.processorRecord.rows.length;
          return (
            <>
              <p className="hint">
                {data.organisation.name} — {t('register.policy', { version: data.policy.version })}
              </p>
              <Downloads />
              <ScrollTable
                testId="register-table"
                caption={
                  <>
                    {t('register.table', { count })}
                    <span className="hint"> · {t('register.scrollHint')}</span>
                  </>
                }
              >
                <ColumnHeads columns={COLUMNS.map(([key, width]) => [t(key), width] as const)} />
                <tbody>
                  <RegisterRows record={data.controllerRecord as Art30Record<string>} />
                  <RegisterRows record={data.processorRecord as Art30Record<string>} />
                </tbody>
              </ScrollTable>
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
