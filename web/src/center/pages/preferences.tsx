/**
 * Consent preferences: each purpose that needs consent with the visitor's choice, accepting and
 * refusing side by side (withdrawing once given), and objections to direct marketing and
 * sharing. A `Sec-GPC: 1` signal from the browser is recorded by the server and said here.
 */
import { get, post } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { Page } from '../../ui/page.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { ErrorMessage, Loaded, Notice } from '../../ui/status.tsx';
import { rememberCookieChoice } from '../cookie-banner.tsx';

interface Preferences {
  readonly preferences: {
    readonly at: string;
    readonly purposes: readonly {
      purpose: string;
      kind: 'activity' | 'cookie-category' | 'purpose';
      label: string;
      status: 'ConsentGiven' | 'ConsentWithdrawn' | 'ConsentRefused' | 'ConsentExpired' | null;
      at: string | null;
      expiresAt: string | null;
    }[];
    readonly objections: readonly { id: string; scope: string; at: string; overriddenAt: string | null }[];
    readonly restricted: boolean;
  };
  readonly gpc: { readonly signal: boolean };
}

const OBJECTION_SCOPES = ['class:direct-marketing', 'class:sharing'] as const;

type Purpose = Preferences['preferences']['purposes'][number];

function PurposeRow({
  purpose,
  busy,
  onChoose,
}: {
  readonly purpose: Purpose;
  readonly busy: boolean;
  readonly onChoose: (purpose: string, kind: string, verb: 'give' | 'refuse' | 'withdraw') => Promise<void>;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <tr>
      <th scope="row">
        {purpose.label}
        {purpose.kind === 'cookie-category' ? null : (
          <span className="hint">
            <br />
            {t(`prefs.kind.${purpose.kind}`)}
          </span>
        )}
      </th>
      <td>
        {purpose.status === null ? t('prefs.noChoice') : t(`prefs.${purpose.status}`)}
        {purpose.at === null ? null : (
          <span className="hint">
            <br />
            {t('prefs.since')} {i18n.date(purpose.at)}
          </span>
        )}
        {purpose.expiresAt === null || purpose.status !== 'ConsentGiven' ? null : (
          <span className="hint">
            <br />
            {t('prefs.expires')} {i18n.date(purpose.expiresAt)}
          </span>
        )}
      </td>
      <td>
        <div className="button-row">
          {purpose.status === 'ConsentGiven' ? (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              aria-label={t('prefs.withdrawFor', { purpose: purpose.label })}
              onClick={() => void onChoose(purpose.purpose, purpose.kind, 'withdraw')}
            >
              {t('prefs.withdraw')}
            </button>
          ) : (
            <>
              <button
                type="button"
                className="secondary"
                disabled={busy || purpose.status === 'ConsentRefused'}
                aria-label={t('prefs.refuseFor', { purpose: purpose.label })}
                onClick={() => void onChoose(purpose.purpose, purpose.kind, 'refuse')}
              >
                {t('prefs.refuse')}
              </button>
              <button
                type="button"
                className="secondary"
                disabled={busy}
                aria-label={t('prefs.acceptFor', { purpose: purpose.label })}
                onClick={() => void onChoose(purpose.purpose, purpose.kind, 'give')}
              >
                {t('prefs.accept')}
              </button>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}

export function PreferencesPage() {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const state = useApi(`preferences-${lang}`, (signal) =>
    get<Preferences>(`/v1/privacy-center/preferences?lang=${lang}`, { signal }),
  );
  const action = useAction();

  async function consent(purpose: string, kind: string, verb: 'give' | 'refuse' | 'withdraw') {
    const done = await action.run(() =>
      post(`/v1/privacy-center/consent/${verb}`, { purpose, lang, channel: 'privacy-center' }),
    );
    if (done !== undefined) {
      if (kind === 'cookie-category') rememberCookieChoice('custom');
      state.reload();
    }
  }

  async function objection(scope: string, lift: boolean) {
    const done = await action.run(() =>
      post(`/v1/privacy-center/objections${lift ? '/lift' : ''}`, { scope }),
    );
    if (done !== undefined) state.reload();
  }

  return (
    <Page title={t('prefs.title')} lead={t('prefs.lead')}>
      <ErrorMessage error={action.error} />
      <Loaded state={state}>
        {({ preferences, gpc }) => (
          <>
            {gpc.signal ? <Notice>{t('prefs.gpc')}</Notice> : null}
            {preferences.restricted ? <Notice tone="warning">{t('prefs.restricted')}</Notice> : null}
            {preferences.purposes.length === 0 ? <p>{t('prefs.none')}</p> : null}
            {(['cookies', 'processing'] as const).map((group) => {
              const purposes = preferences.purposes.filter(
                (purpose) => (purpose.kind === 'cookie-category') === (group === 'cookies'),
              );
              if (purposes.length === 0) return null;
              return (
                <ScrollTable
                  key={group}
                  caption={t(group === 'cookies' ? 'prefs.cookiesTable' : 'prefs.table')}
                >
                  <thead>
                    <tr>
                      <th scope="col">{t('prefs.purpose')}</th>
                      <th scope="col">{t('prefs.status')}</th>
                      <th scope="col">{t('common.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {purposes.map((purpose) => (
                      <PurposeRow
                        key={purpose.purpose}
                        purpose={purpose}
                        busy={action.busy}
                        onChoose={consent}
                      />
                    ))}
                  </tbody>
                </ScrollTable>
              );
            })}
            <section aria-labelledby="objections-heading">
              <h2 id="objections-heading">{t('prefs.objections')}</h2>
              <ul>
                {OBJECTION_SCOPES.map((scope) => {
                  const existing = preferences.objections.find(
                    (o) => o.scope === scope && o.overriddenAt === null,
                  );
                  return (
                    <li key={scope} className="choice">
                      <div>
                        <strong>{t(`prefs.scope.${scope}`)}</strong>
                        {existing === undefined ? null : (
                          <span className="hint">
                            {' '}
                            — {t('prefs.objected', { date: i18n.date(existing.at) })}
                          </span>
                        )}
                        <div className="button-row">
                          <button
                            type="button"
                            className="secondary"
                            disabled={action.busy}
                            onClick={() => void objection(scope, existing !== undefined)}
                          >
                            {existing === undefined
                              ? t(scope === 'class:sharing' ? 'prefs.objectSharing' : 'prefs.objectMarketing')
                              : t('prefs.lift')}
                          </button>
                        </div>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
