/** The 72-hour clock of a breach, in words and colour (the words carry the meaning). */
import type { TBreachClock } from '../../../src/breach/breach-types.ts';
import { useI18n } from '../i18n/i18n.tsx';

export function BreachClock({ clock }: { readonly clock: TBreachClock }) {
  const { t, plural } = useI18n();
  const hours = (value: number) => plural('common.hours', Math.max(0, Math.floor(Math.abs(value))));
  switch (clock.state) {
    case 'running':
      return (
        <span className={`badge ${clock.hoursLeft <= 24 ? 'badge-danger' : 'badge-warning'}`}>
          {t('clock.running', { hours: hours(clock.hoursLeft) })}
        </span>
      );
    case 'overdue':
      return (
        <span className="badge badge-danger">{t('clock.overdue', { hours: hours(clock.hoursLeft) })}</span>
      );
    case 'notified':
      return <span className="badge badge-ok">{t('clock.notified')}</span>;
    case 'notified-late':
      return <span className="badge badge-warning">{t('clock.notified-late')}</span>;
    case 'not-required':
      return <span className="badge badge-neutral">{t('clock.not-required')}</span>;
  }
}
