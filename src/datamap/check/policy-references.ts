/**
 * Cross-checks of a data map against the policy it enforces: every activity, retention rule,
 * data category, subject category and retention reason it names must exist, and the retention
 * columns must fit the rule (an archive phase needs `archivedAt`; `endsEarlierOn` events and
 * `consentColumn` bind clauses the rule states).
 */

import { closestMatch } from '../../policy/load/closest-match.ts';
import { quoteList } from '../../policy/load/describe-value.ts';
import { formatPath, type PathSegment } from '../../policy/load/issue-path.ts';
import type { Finding } from '../../policy/load/policy-issue.ts';
import type { LoadedPolicy } from '../../policy/loaded-policy.ts';
import type { TActivity, TRetentionRule } from '../../policy/model.ts';
import type { TaxonomyKind } from '../../policy/taxonomy/types.ts';
import type { TDataMap, TTable } from '../model.ts';

type TaxonomyRef = 'dataCategories' | 'subjectCategories' | 'retentionReasons';

const KIND_WORDS: Readonly<Record<TaxonomyRef, string>> = {
  dataCategories: 'data category',
  subjectCategories: 'subject category',
  retentionReasons: 'retention reason',
};

function finding(
  severity: Finding['severity'],
  code: string,
  path: readonly PathSegment[],
  message: string,
): Finding {
  return { severity, code, path, message };
}

function unknownTaxonomyId(
  kind: TaxonomyRef & TaxonomyKind,
  id: string,
  path: readonly PathSegment[],
  policy: LoadedPolicy,
): Finding | undefined {
  const known = policy.taxonomy[kind];
  if (known.has(id)) return undefined;
  const suggestion = closestMatch(id, known.keys());
  const hint =
    suggestion !== undefined
      ? `did you mean '${suggestion}'?`
      : `define it in the policy under 'taxonomy.${kind}' with an id starting with 'x-'`;
  return finding(
    'error',
    `unknown-${KIND_WORDS[kind].replace(' ', '-')}`,
    path,
    `${formatPath(path)}: unknown ${KIND_WORDS[kind]} '${id}'; ${hint}`,
  );
}

/** Every retention rule of the policy with the activity that declares it. */
function rulesById(policy: LoadedPolicy): Map<string, { rule: TRetentionRule; activity: TActivity }> {
  const out = new Map<string, { rule: TRetentionRule; activity: TActivity }>();
  for (const activity of policy.policy.activities) {
    for (const rule of activity.retention) out.set(rule.id, { rule, activity });
  }
  return out;
}

function checkActivities(name: string, table: TTable, policy: LoadedPolicy): Finding[] {
  const known = policy.policy.activities.map((a) => a.id);
  const findings: Finding[] = [];
  for (const [index, id] of table.activities.entries()) {
    if (known.includes(id)) continue;
    const path = ['tables', name, 'activities', index];
    const suggestion = closestMatch(id, known);
    const hint =
      suggestion !== undefined ? `did you mean '${suggestion}'?` : `policy activities: ${quoteList(known)}`;
    findings.push(
      finding('error', 'unknown-activity', path, `${formatPath(path)}: unknown activity '${id}'; ${hint}`),
    );
  }
  return findings;
}

type TRetentionUse = TTable['retention'][number];

/**
 * The rule's clauses the entry binds to columns: every `endsEarlierOn` event bound must be one of
 * the rule's (error), every event of the rule should be bound (warning), and `consentColumn` goes
 * with `longerWithConsent` (error without it, warning when a `longerWithConsent` rule has none).
 */
function checkRuleClauses(at: readonly PathSegment[], use: TRetentionUse, rule: TRetentionRule): Finding[] {
  const findings: Finding[] = [];
  const events = rule.endsEarlierOn ?? [];
  for (const [index, early] of (use.endsEarlierOn ?? []).entries()) {
    if (events.includes(early.event)) continue;
    const path = [...at, 'endsEarlierOn', index, 'event'];
    const allowed =
      events.length === 0
        ? 'the rule names no event that ends it earlier'
        : `the rule ends earlier on ${quoteList(events)}`;
    findings.push(
      finding(
        'error',
        'unknown-early-end-event',
        path,
        `${formatPath(path)}: event '${early.event}' is not one of rule '${rule.id}''s 'endsEarlierOn' events; ${allowed}`,
      ),
    );
  }
  const bound = new Set((use.endsEarlierOn ?? []).map((e) => e.event));
  for (const event of events.filter((e) => !bound.has(e))) {
    findings.push(
      finding(
        'warning',
        'early-end-not-bound',
        at,
        `${formatPath(at)}: rule '${rule.id}' ends earlier on '${event}'; name the date column recording it under 'endsEarlierOn' ({ event: ${event}, column: … }), or sweeps keep those rows until the rule's own deadline`,
      ),
    );
  }
  if (use.consentColumn !== undefined && rule.longerWithConsent !== true) {
    const path = [...at, 'consentColumn'];
    findings.push(
      finding(
        'error',
        'consent-column-without-clause',
        path,
        `${formatPath(path)}: rule '${rule.id}' does not keep data longer with the subject's consent (no 'longerWithConsent' in the policy); remove 'consentColumn' or state the clause in the policy`,
      ),
    );
  }
  if (use.consentColumn === undefined && rule.longerWithConsent === true) {
    findings.push(
      finding(
        'warning',
        'consent-column-missing',
        at,
        `${formatPath(at)}: rule '${rule.id}' keeps data longer with the subject's express consent (longerWithConsent); name the column recording that consent under 'consentColumn', or sweeps treat every row as without consent`,
      ),
    );
  }
  return findings;
}

function checkRetention(name: string, table: TTable, policy: LoadedPolicy): Finding[] {
  const rules = rulesById(policy);
  const ownRules = policy.policy.activities
    .filter((a) => table.activities.includes(a.id))
    .flatMap((a) => a.retention.map((r) => r.id));
  const findings: Finding[] = [];
  // An unknown activity is reported on its own: its rules cannot be told apart from strangers'.
  const known = new Set(policy.policy.activities.map((a) => a.id));
  if (table.activities.some((id) => !known.has(id))) return findings;
  for (const [index, use] of table.retention.entries()) {
    const at = ['tables', name, 'retention', index];
    const found = rules.get(use.rule);
    if (found === undefined || !table.activities.includes(found.activity.id)) {
      const path = [...at, 'rule'];
      const where =
        found === undefined
          ? 'it is not a retention rule of the policy'
          : `it belongs to activity '${found.activity.id}', which the table does not list under 'activities'`;
      const suggestion = found === undefined ? closestMatch(use.rule, ownRules) : undefined;
      const hint =
        suggestion !== undefined
          ? `; did you mean '${suggestion}'?`
          : ownRules.length > 0
            ? `; rules of the table's activities: ${quoteList(ownRules)}`
            : '';
      findings.push(
        finding(
          'error',
          'unknown-retention-rule',
          path,
          `${formatPath(path)}: rule '${use.rule}': ${where}${hint}`,
        ),
      );
      continue;
    }
    const { rule } = found;
    if (rule.archive !== undefined && use.archivedAt === undefined) {
      findings.push(
        finding(
          'error',
          'archived-at-missing',
          at,
          `${formatPath(at)}: rule '${rule.id}' has an intermediate archive phase; name the column set when a row enters the archive under 'archivedAt'`,
        ),
      );
    }
    if (rule.archive === undefined && (use.archivedAt !== undefined || use.archiveTrigger !== undefined)) {
      const key = use.archivedAt !== undefined ? 'archivedAt' : 'archiveTrigger';
      const path = [...at, key];
      findings.push(
        finding(
          'warning',
          'no-archive-phase',
          path,
          `${formatPath(path)}: rule '${rule.id}' has no archive phase in the policy; this column is not used`,
        ),
      );
    }
    const ownTrigger = rule.archive?.trigger !== undefined && rule.archive.trigger !== rule.trigger;
    if (ownTrigger && use.archiveTrigger === undefined) {
      findings.push(
        finding(
          'error',
          'archive-trigger-missing',
          at,
          `${formatPath(at)}: the archive phase of rule '${rule.id}' counts from its own event '${rule.archive?.trigger}'; name the column carrying that date under 'archiveTrigger'`,
        ),
      );
    }
    findings.push(...checkRuleClauses(at, use, rule));
    const endAction = rule.endAction === 'anonymise' ? 'anonymise' : 'delete';
    const strategy = table.erasure.strategy;
    if (strategy !== 'keep' && strategy !== endAction) {
      const path = ['tables', name, 'erasure', 'strategy'];
      findings.push(
        finding(
          'warning',
          'end-action-mismatch',
          path,
          `${formatPath(path)}: rule '${rule.id}' ends with '${rule.endAction}' but the table's erasure strategy is '${strategy}'; sweeps apply the table's strategy`,
        ),
      );
    }
  }
  return findings;
}

function checkCategories(name: string, table: TTable, policy: LoadedPolicy): Finding[] {
  const activities = policy.policy.activities.filter((a) => table.activities.includes(a.id));
  const declared = new Set(activities.flatMap((a) => a.data.map((d) => d.category)));
  const subjects = new Set(activities.flatMap((a) => a.subjects));
  const findings: Finding[] = [];
  const subjectPath = ['tables', name, 'subject'];
  const unknownSubject = unknownTaxonomyId('subjectCategories', table.subject, subjectPath, policy);
  if (unknownSubject !== undefined) findings.push(unknownSubject);
  else if (activities.length > 0 && !subjects.has(table.subject)) {
    findings.push(
      finding(
        'warning',
        'subject-not-in-activities',
        subjectPath,
        `${formatPath(subjectPath)}: the table's activities do not list subject category '${table.subject}' (they list ${quoteList(subjects)})`,
      ),
    );
  }
  for (const [column, annotation] of Object.entries(table.columns)) {
    if (annotation.category === undefined) continue;
    const path = ['tables', name, 'columns', column, 'category'];
    const unknown = unknownTaxonomyId('dataCategories', annotation.category, path, policy);
    if (unknown !== undefined) findings.push(unknown);
    else if (activities.length > 0 && !declared.has(annotation.category)) {
      findings.push(
        finding(
          'warning',
          'category-not-in-activities',
          path,
          `${formatPath(path)}: the table's activities (${quoteList(table.activities)}) do not list data category '${annotation.category}'; add it to an activity's 'data' or correct the annotation`,
        ),
      );
    }
    if (annotation.personal === false) {
      const personalPath = ['tables', name, 'columns', column, 'personal'];
      findings.push(
        finding(
          'error',
          'category-not-personal',
          personalPath,
          `${formatPath(personalPath)}: a column with a data category is personal data; remove 'personal: false' or the category`,
        ),
      );
    }
  }
  return findings;
}

function checkReasons(name: string, table: TTable, policy: LoadedPolicy): Finding[] {
  const findings: Finding[] = [];
  if (table.erasure.strategy === 'keep') {
    const path = ['tables', name, 'erasure', 'reason'];
    const unknown = unknownTaxonomyId('retentionReasons', table.erasure.reason, path, policy);
    if (unknown !== undefined) findings.push(unknown);
  }
  for (const [index, hold] of table.legalHolds.entries()) {
    const path = ['tables', name, 'legalHolds', index, 'reason'];
    const unknown = unknownTaxonomyId('retentionReasons', hold.reason, path, policy);
    if (unknown !== undefined) findings.push(unknown);
  }
  return findings;
}

/** Checks every id the data map takes from its policy, table by table. */
export function checkPolicyReferences(datamap: TDataMap, policy: LoadedPolicy): Finding[] {
  return Object.entries(datamap.tables).flatMap(([name, table]) => [
    ...checkActivities(name, table, policy),
    ...checkRetention(name, table, policy),
    ...checkCategories(name, table, policy),
    ...checkReasons(name, table, policy),
  ]);
}
