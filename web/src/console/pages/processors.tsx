/**
 * Processors and sub-processors: country of processing, services, activities, each transfer
 * outside the EEA with its safeguards. A transfer without a valid safeguard carries a visible
 * warning badge (in words, not colour alone), and the DPO checks' findings are listed beside it.
 */
import type { TProcessorList, TProcessorView } from '../../../../src/server/routes/processors.ts';
import { get, withQuery } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { ColumnHeads, ScrollTable } from '../../ui/scroll-table.tsx';
import { Loaded, Notice } from '../../ui/status.tsx';

const LIST = { margin: 0, paddingLeft: '1.1rem' } as const;

/** The columns, with a minimum width each so long cells wrap into readable lines. */
const COLUMNS = [
  ['processors.name', '13rem'],
  ['processors.role', '8rem'],
  ['processors.country', '9rem'],
  ['processors.services', '15rem'],
  ['processors.activities', '16rem'],
  ['processors.safeguards', '20rem'],
  ['processors.checks', '24rem'],
] as const;

const STATUS_TONE = {
  eea: 'badge-neutral',
  adequacy: 'badge-ok',
  safeguarded: 'badge-ok',
  'no-valid-safeguard': 'badge-danger',
} as const;

function Transfers({ processor }: { readonly processor: TProcessorView }) {
  const { t } = useI18n();
  if (processor.transfers.length === 0) return <>{t('processors.noTransfer')}</>;
  return (
    <ul style={LIST}>
      {processor.transfers.map((transfer) => (
        <li key={`${transfer.country}-${transfer.by ?? ''}-${transfer.implied}`}>
          {transfer.countryName}
          {transfer.by === null ? null : ` (${t('processors.by', { who: transfer.by })})`}
          {transfer.implied ? ` — ${t('processors.implied')}` : null}
          {transfer.safeguards.length === 0 ? null : (
            <>
              {t('processors.colon')}
              {transfer.safeguards.map((s, i) => (
                <span key={s.id}>
                  {i > 0 ? ', ' : null}
                  {s.valid ? s.label : <s title={t('processors.invalid')}>{s.label}</s>}
                  {s.valid ? null : ` (${t('processors.invalid')})`}
                </span>
              ))}
            </>
          )}{' '}
          <span className={`badge ${STATUS_TONE[transfer.status]}`}>
            {t(`processors.status.${transfer.status}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function ProcessorRow({ processor }: { readonly processor: TProcessorView }) {
  const { t } = useI18n();
  return (
    <tr data-processor={processor.id}>
      <th scope="row">
        {processor.name}
        {processor.entity === null ? null : (
          <>
            <br />
            <span className="hint">{processor.entity}</span>
          </>
        )}
        {processor.transferWarning ? (
          <>
            <br />
            <span className="badge badge-danger" data-testid="transfer-warning">
              ⚠ {t('processors.warning')}
            </span>
          </>
        ) : null}
      </th>
      <td>{t(`processors.role.${processor.role}`)}</td>
      <td data-testid="processor-country">
        {processor.countryName}
        {processor.country === 'EEA' ? null : <span className="hint"> ({processor.country})</span>}
      </td>
      <td>
        {processor.services.map((s) => s.label).join(', ')}
        {processor.serviceDetails === null ? null : (
          <span className="hint"> — {processor.serviceDetails}</span>
        )}
      </td>
      <td>
        {processor.activities.length === 0 ? (
          t('register.none')
        ) : (
          <ul style={LIST}>
            {processor.activities.map((a) => (
              <li key={a.id}>{a.name}</li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <Transfers processor={processor} />
      </td>
      <td>
        {processor.findings.length === 0 ? (
          <span className="hint">{t('processors.noFinding')}</span>
        ) : (
          <ul style={LIST}>
            {processor.findings.map((f) => (
              <li key={`${f.code}-${f.path}`}>
                <span className={`badge ${f.severity === 'error' ? 'badge-danger' : 'badge-warning'}`}>
                  {f.code}
                </span>{' '}
                {f.message}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

export function ProcessorsPage() {
  const { t, plural, lang } = useI18n();
  const list = useApi(`processors-${lang}`, (signal) =>
    get<TProcessorList>(withQuery('/v1/processors', { lang }), { signal }),
  );
  return (
    <Page title={t('processors.title')} lead={t('processors.lead')}>
      <Loaded state={list}>
        {({ processors }) => {
          if (processors.length === 0) return <p>{t('processors.empty')}</p>;
          const warned = processors.filter((p) => p.transferWarning).length;
          return (
            <>
              {warned > 0 ? (
                <Notice tone="warning">{plural('processors.warningCount', warned)}</Notice>
              ) : (
                <p className="hint">{t('processors.allCovered')}</p>
              )}
              <ScrollTable
                testId="processors-table"
                caption={t('processors.table', { count: processors.length })}
              >
                <ColumnHeads columns={COLUMNS.map(([key, width]) => [t(key), width] as const)} />
                <tbody>
                  {processors.map((processor) => (
                    <ProcessorRow key={processor.id} processor={processor} />
                  ))}
                </tbody>
              </ScrollTable>
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
