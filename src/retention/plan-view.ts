/**
 * The engine's sweep plan turned into what a DPO reads: per activity of the policy (in the
 * policy's order), per table and step, the rows past their deadline, the rows the sweep would
 * process, the rows kept and why, with the rule, its duration and the rule in words (fr, en).
 */
import type { EngineContext } from '../engine/load-context.ts';
import type { PlannedStep, SweepPlan } from '../engine/sweep/types.ts';
import { describeRetention } from '../policy/render/retention-words.ts';
import { labelOf, textOf } from '../policy/taxonomy/labels.ts';
import type { TLocalizedText } from '../policy/taxonomy/types.ts';
import type { TPlanActivityView, TPlanStepView, TRetentionPlanView, TSweepRunView } from './types.ts';

function both(text: TLocalizedText | undefined, fallback: string) {
  return { fr: textOf(text, 'fr') || fallback, en: textOf(text, 'en') || fallback };
}

function stepView(step: PlannedStep, context: EngineContext): TPlanStepView {
  const ref = context.rules.get(step.rule);
  const { taxonomy } = context.policy;
  const words = (lang: 'fr' | 'en') => {
    if (ref === undefined) return step.rule;
    try {
      return describeRetention(ref.rule, taxonomy, lang);
    } catch {
      return ref.rule.duration;
    }
  };
  return {
    id: step.id,
    table: step.table,
    phase: step.phase,
    effect: step.effect,
    rule: {
      id: step.rule,
      label: both(ref?.rule.label, step.rule),
      duration: ref?.rule.duration ?? '',
      archive: ref?.rule.archive?.duration ?? null,
      words: { fr: words('fr'), en: words('en') },
    },
    cutoff: step.phase === 'archive' ? step.cutoffs.activeEnd : step.cutoffs.endTrigger,
    rows: { ...step.rows },
    holds: step.holds.map((hold) => ({
      reason: hold.reason,
      label: {
        fr: labelOf(taxonomy, 'retentionReasons', hold.reason, 'fr'),
        en: labelOf(taxonomy, 'retentionReasons', hold.reason, 'en'),
      },
      source: hold.source,
      condition: hold.condition,
      rows: hold.rows,
    })),
    keptReason: step.keptReason ?? null,
    errors: [...step.errors],
  };
}

/** Rows a step keeps although past their deadline (held, referenced, restricted, or kept by strategy). */
function keptRows(step: PlannedStep): number {
  return step.effect === 'keep'
    ? step.rows.pastDeadline
    : step.rows.held + step.rows.blocked + step.rows.restricted;
}

/** The plan grouped by activity, in the policy's order of activities. */
export function planView(
  plan: SweepPlan,
  context: EngineContext,
  computedAt: Date,
  running: TSweepRunView | null,
): TRetentionPlanView {
  const byActivity = new Map<string, PlannedStep[]>();
  for (const step of plan.steps) {
    const list = byActivity.get(step.activity) ?? [];
    list.push(step);
    byActivity.set(step.activity, list);
  }
  const order = context.policy.policy.activities.map((a) => a.id);
  const ids = [...byActivity.keys()].sort((a, b) => {
    const [x, y] = [order.indexOf(a), order.indexOf(b)];
    return (x === -1 ? order.length : x) - (y === -1 ? order.length : y) || a.localeCompare(b);
  });
  const activities: TPlanActivityView[] = ids.map((id) => {
    const steps = byActivity.get(id) ?? [];
    const activity = context.policy.policy.activities.find((a) => a.id === id);
    return {
      id,
      name: both(activity?.name, id),
      due: steps.reduce((sum, s) => sum + (s.effect === 'keep' ? 0 : s.rows.due), 0),
      held: steps.reduce((sum, s) => sum + keptRows(s), 0),
      steps: steps.map((s) => stepView(s, context)),
    };
  });
  const { totals } = plan;
  return {
    today: plan.today,
    computedAt: computedAt.toISOString(),
    dialect: plan.dialect,
    totals: {
      due: totals.due,
      held: totals.held,
      blocked: totals.blocked,
      restricted: totals.restricted,
      kept: totals.kept,
      byEffect: { ...totals.byEffect },
    },
    activities,
    errors: [...plan.errors],
    running,
  };
}
