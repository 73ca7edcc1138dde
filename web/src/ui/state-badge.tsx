/** A request's state as a coloured badge (colour is never the only cue: the text says it). */
import type { TRequestState } from '../../../src/requests/states.ts';
import { useI18n } from '../i18n/i18n.tsx';

const TONE: Readonly<Record<TRequestState, string>> = {
  received: 'badge-neutral',
  verifying: 'badge-neutral',
  in_progress: 'badge-warning',
  extended: 'badge-warning',
  completed: 'badge-ok',
  refused: 'badge-danger',
  withdrawn: 'badge-neutral',
};

export function StateBadge({ state }: { readonly state: TRequestState }) {
  const { t } = useI18n();
  return <span className={`badge ${TONE[state]}`}>{t(`state.${state}`)}</span>;
}
