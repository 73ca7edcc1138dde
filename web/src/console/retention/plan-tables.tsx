/**
 * The sweep plan as one table per activity: per table and step, the rule (its label, its
 * duration in words), the action, the deadline, the rows past it, the rows to process and the
 * rows kept with the reason (legal hold, still referenced, restricted, kept by the table's
 * strategy). Wide tables scroll inside their own box on small screens.
 */
import type { TPlanActivityView, TPlanStepView } from '../../../../src/retention/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { ScrollTable } from '../../ui/scroll-table.tsx';

function Kept({ step }: { readonly step: TPlanStepView }) {
  const { t, lang, number } = useI18n();
  const lines: string[] = [];
  for (const hold of step.holds) {
    if (hold.rows > 0)
      lines.push(t('retention.heldBy', { count: number(hold.rows), reason: hold.label[lang] }));
  }
  if (step.rows.blocked > 0) lines.push(t('retention.blocked', { count: number(step.rows.blocked) }));
  if (step.rows.restricted > 0)
    lines.push(t('retention.restricted', { count: number(step.rows.restricted) }));
  if (step.effect === 'keep' && step.rows.pastDeadline > 0 && step.keptReason !== null)
    lines.push(t('retention.kept', { reason: step.keptReason }));
  const total =
    step.effect === 'keep'
      ? step.rows.pastDeadline
      : step.rows.held + step.rows.blocked + step.rows.restricted;
  return (
    <>
      <span>{number(total)}</span>
      {lines.length === 0 ? null : (
        <ul className="hint" style={{ margin: '0.25rem 0 0', paddingLeft: '1rem', textAlign: 'left' }}>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export function ActivityPlan({ activity }: { readonly activity: TPlanActivityView }) {
  const i18n = useI18n();
  const { t, lang, number } = i18n;
  const headingId = `activity-${activity.id}`;
  return (
    <section aria-labelledby={headingId} data-testid={`plan-${activity.id}`}>
      <h3 id={headingId}>{activity.name[lang]}</h3>
      <p className="hint">
        {t('retention.activityCounts', { due: number(activity.due), held: number(activity.held) })}
      </p>
      <ScrollTable
        captionClassName="visually-hidden"
        caption={t('retention.planCaption', { activity: activity.name[lang] })}
      >
        <thead>
          <tr>
            <th scope="col">{t('retention.col.table')}</th>
            <th scope="col">{t('retention.col.rule')}</th>
            <th scope="col">{t('retention.col.action')}</th>
            <th scope="col">{t('retention.col.cutoff')}</th>
            <th scope="col" className="number">
              {t('retention.col.past')}
            </th>
            <th scope="col" className="number">
              {t('retention.col.due')}
            </th>
            <th scope="col" className="number">
              {t('retention.col.kept')}
            </th>
          </tr>
        </thead>
        <tbody>
          {activity.steps.map((step) => (
            <tr key={step.id}>
              <th scope="row">
                <code>{step.table}</code>
              </th>
              <td>
                <strong>{step.rule.label[lang]}</strong>
                <br />
                <span className="hint">{step.rule.words[lang]}</span>
              </td>
              <td>
                {t(`retention.effect.${step.effect}`)}
                <br />
                <span className="hint">{t(`retention.phase.${step.phase}`)}</span>
              </td>
              <td>{t('retention.cutoff', { day: i18n.date(step.cutoff) })}</td>
              <td className="number">{number(step.rows.pastDeadline)}</td>
              <td className="number" data-testid={`due-${step.id}`}>
                {number(step.rows.due)}
              </td>
              <td className="number">
                <Kept step={step} />
              </td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
      {activity.steps.some((s) => s.errors.length > 0) ? (
        <ul className="field-error">
          {activity.steps.flatMap((s) =>
            s.errors.map((e) => <li key={`${s.id}-${e}`}>{`${s.id}: ${e}`}</li>),
          )}
        </ul>
      ) : null}
    </section>
  );
}
