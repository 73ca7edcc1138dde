/**
 * Users and roles (admin; auditors read): accounts with their role and state, creation with a
 * one-time password, role change, disable/enable, unlock, password reset; API tokens with scopes.
 */
import { type FormEvent, useState } from 'react';
import type { TApiTokenView } from '../../../../src/accounts/api-token-view.ts';
import { ROLES, type TRole } from '../../../../src/accounts/roles.ts';
import { API_SCOPES } from '../../../../src/accounts/scopes.ts';
import type { TUserView } from '../../../../src/accounts/user-view.ts';
import { del, get, patch, post } from '../../api/client.ts';
import { useAction } from '../../api/use-action.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SelectField, TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';
import { ErrorMessage, Loaded, Notice } from '../../ui/status.tsx';
import { useUser } from '../session.tsx';

function Secret({ text, value }: { readonly text: string; readonly value: string }) {
  return (
    <Notice tone="success">
      <p>{text}</p>
      <p>
        <code className="secret" data-testid="one-time-secret">
          {value}
        </code>
      </p>
    </Notice>
  );
}

function UserRow({
  user,
  editable,
  onChanged,
  onSecret,
}: {
  readonly user: TUserView;
  readonly editable: boolean;
  readonly onChanged: () => void;
  readonly onSecret: (text: string, value: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const action = useAction();
  const change = async (work: () => Promise<unknown>) => {
    if ((await action.run(work)) !== undefined) onChanged();
  };
  const locked = user.lockedUntil !== null;
  return (
    <tr>
      <td>
        {user.displayName}
        <br />
        <span className="hint">{user.email}</span>
      </td>
      <td>
        {editable ? (
          <SelectField
            label={
              <span className="visually-hidden">{t('users.changeRole', { name: user.displayName })}</span>
            }
            name={`role-${user.id}`}
            value={user.role}
            options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
            onChange={(event) =>
              void change(() => patch(`/v1/users/${user.id}`, { role: event.target.value as TRole }))
            }
          />
        ) : (
          t(`role.${user.role}`)
        )}
      </td>
      <td>
        {user.disabled ? (
          <span className="badge badge-neutral">{t('users.disabled')}</span>
        ) : locked ? (
          <span className="badge badge-danger">
            {t('users.locked', { time: i18n.date(user.lockedUntil, true) })}
          </span>
        ) : (
          <span className="badge badge-ok">{t('users.active')}</span>
        )}
      </td>
      <td>{user.totpEnabled ? t('common.yes') : t('common.no')}</td>
      <td>{i18n.date(user.lastSignInAt, true)}</td>
      {editable ? (
        <td>
          <div className="button-row">
            {locked ? (
              <button
                type="button"
                className="secondary"
                onClick={() => void change(() => post(`/v1/users/${user.id}/unlock`))}
              >
                {t('users.unlock')}
              </button>
            ) : null}
            <button
              type="button"
              className="secondary"
              onClick={() => void change(() => patch(`/v1/users/${user.id}`, { disabled: !user.disabled }))}
            >
              {user.disabled ? t('users.enable') : t('users.disable')}
            </button>
            <button
              type="button"
              className="secondary"
              onClick={() =>
                void action
                  .run(() => post<{ oneTimePassword: string }>(`/v1/users/${user.id}/reset-password`))
                  .then((result) => {
                    if (result !== undefined)
                      onSecret(t('users.resetDone', { name: user.displayName }), result.oneTimePassword);
                  })
              }
            >
              {t('users.reset')}
            </button>
          </div>
          <ErrorMessage error={action.error} />
        </td>
      ) : null}
    </tr>
  );
}

function CreateUserForm({ onCreated }: { readonly onCreated: (name: string, password: string) => void }) {
  const { t } = useI18n();
  const action = useAction();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const body = {
      email: String(form.get('email') ?? '').trim(),
      displayName: String(form.get('displayName') ?? '').trim(),
      role: String(form.get('role') ?? 'agent'),
    };
    const result = await action.run(() =>
      post<{ user: TUserView; oneTimePassword: string }>('/v1/users', body),
    );
    if (result !== undefined) {
      element.reset();
      onCreated(result.user.displayName, result.oneTimePassword);
    }
  }
  return (
    <form onSubmit={(event) => void submit(event)}>
      <h2>{t('users.create')}</h2>
      <ErrorMessage error={action.error} />
      <TextField label={t('common.email')} name="email" type="email" autoComplete="off" required />
      <TextField label={t('users.displayName')} name="displayName" autoComplete="off" required />
      <SelectField
        label={t('users.role')}
        name="role"
        defaultValue="agent"
        options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
      />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('users.create')}
      </button>
    </form>
  );
}

function Tokens({
  editable,
  onSecret,
}: {
  readonly editable: boolean;
  readonly onSecret: (text: string, value: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const tokens = useApi('tokens', (signal) => get<TApiTokenView[]>('/v1/tokens', { signal }));
  const action = useAction();
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const days = String(form.get('expiresInDays') ?? '').trim();
    const body = {
      name: String(form.get('name') ?? '').trim(),
      scopes: form.getAll('scopes').map(String),
      ...(days === '' ? {} : { expiresInDays: Number(days) }),
    };
    const result = await action.run(() => post<{ token: string }>('/v1/tokens', body));
    if (result !== undefined) {
      element.reset();
      onSecret(t('users.tokenCreated'), result.token);
      tokens.reload();
    }
  }
  return (
    <section aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('users.tokens')}</h2>
      <p className="hint">{t('users.tokensLead')}</p>
      <Loaded state={tokens}>
        {(list) => (
          <ScrollTable caption={t('users.tokens')}>
            <thead>
              <tr>
                <th scope="col">{t('users.tokenName')}</th>
                <th scope="col">{t('users.tokenPrefix')}</th>
                <th scope="col">{t('users.tokenScopes')}</th>
                <th scope="col">{t('users.tokenState')}</th>
                {editable ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.map((token) => (
                <tr key={token.id}>
                  <td>{token.name}</td>
                  <td>
                    <code>{token.prefix}</code>
                  </td>
                  <td>{token.scopes.join(', ')}</td>
                  <td>
                    {token.revokedAt === null ? t('users.tokenActive') : t('users.tokenRevoked')}
                    {token.expiresAt === null ? null : (
                      <span className="hint"> · {i18n.date(token.expiresAt)}</span>
                    )}
                  </td>
                  {editable ? (
                    <td>
                      {token.revokedAt === null ? (
                        <button
                          type="button"
                          className="secondary"
                          onClick={() =>
                            void action.run(() => del(`/v1/tokens/${token.id}`)).then(() => tokens.reload())
                          }
                        >
                          {t('users.tokenRevoke')}
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </ScrollTable>
        )}
      </Loaded>
      {editable ? (
        <form onSubmit={(event) => void submit(event)}>
          <h3>{t('users.tokenCreate')}</h3>
          <ErrorMessage error={action.error} />
          <TextField label={t('users.tokenName')} name="name" required />
          <fieldset>
            <legend>{t('users.tokenScopes')}</legend>
            {API_SCOPES.map((scope) => (
              <label key={scope} className="choice">
                <input type="checkbox" name="scopes" value={scope} />
                <code>{scope}</code>
              </label>
            ))}
          </fieldset>
          <TextField
            label={t('users.tokenExpires')}
            hint={t('users.tokenExpiresHint')}
            name="expiresInDays"
            type="number"
            min={1}
            max={3650}
          />
          <button type="submit" className="primary" disabled={action.busy}>
            {t('users.tokenCreate')}
          </button>
        </form>
      ) : null}
    </section>
  );
}

export function UsersPage() {
  const { t } = useI18n();
  const me = useUser();
  const editable = me.role === 'admin';
  const users = useApi('users', (signal) => get<TUserView[]>('/v1/users', { signal }));
  const [secret, setSecret] = useState<{ text: string; value: string } | null>(null);
  const showSecret = (text: string, value: string) => setSecret({ text, value });
  return (
    <Page title={t('users.title')} lead={t('users.lead')}>
      {secret === null ? null : <Secret text={secret.text} value={secret.value} />}
      <Loaded state={users}>
        {(list) => (
          <ScrollTable caption={t('users.table')}>
            <thead>
              <tr>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('users.role')}</th>
                <th scope="col">{t('users.state')}</th>
                <th scope="col">{t('users.totp')}</th>
                <th scope="col">{t('users.lastSignIn')}</th>
                {editable ? <th scope="col">{t('common.actions')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {list.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  editable={editable}
                  onChanged={users.reload}
                  onSecret={showSecret}
                />
              ))}
            </tbody>
          </ScrollTable>
        )}
      </Loaded>
      {editable ? (
        <CreateUserForm
          onCreated={(name, password) => {
            showSecret(t('users.created', { name }), password);
            users.reload();
          }}
        />
      ) : null}
      <Tokens editable={editable} onSecret={showSecret} />
    </Page>
  );
}
