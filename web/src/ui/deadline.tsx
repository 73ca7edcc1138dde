/** Days left on a request's deadline: overdue in red, a week or less in amber (the text says it too). */
import { useI18n } from '../i18n/i18n.tsx';

export function DaysLeft({ daysLeft }: { readonly daysLeft: number | null }) {
  const { plural, t } = useI18n();
  if (daysLeft === null) return null;
  if (daysLeft < 0) return <span className="badge badge-danger">{plural('inbox.overdue', -daysLeft)}</span>;
  if (daysLeft === 0) return <span className="badge badge-danger">{t('inbox.dueToday')}</span>;
  return (
    <span className={`badge ${daysLeft <= 7 ? 'badge-warning' : 'badge-neutral'}`}>
      {plural('inbox.daysLeft', daysLeft)}
    </span>
  );
}
