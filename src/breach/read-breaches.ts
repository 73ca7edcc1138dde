/** Reading the breach register: one breach with its phases and notifications, and the list. */
import type { Kysely } from 'kysely';
import { RegistreError } from '../errors/registry.ts';
import type { BreachesTable, BreachNotificationsTable, BreachPhasesTable } from '../store/schema/breach.ts';
import type { StoreDb } from '../store/schema/index.ts';
import { breachClock, isLate } from './breach-clock.ts';
import type { TBreachContent, TBreachSummary, TBreachView } from './breach-types.ts';

const CONTENT_COLUMNS = {
  nature: 'nature',
  contact: 'contact',
  consequences: 'consequences',
  measuresTaken: 'measures_taken',
  measuresProposed: 'measures_proposed',
} as const;

function phaseContent(row: BreachPhasesTable): TBreachContent {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(CONTENT_COLUMNS)) {
    const value = row[column];
    if (value !== null) out[field] = value;
  }
  if (row.data_categories !== null) out.dataCategories = JSON.parse(row.data_categories) as string[];
  if (row.subject_categories !== null) out.subjectCategories = JSON.parse(row.subject_categories) as string[];
  if (row.approx_subjects !== null) out.approxSubjects = Number(row.approx_subjects);
  if (row.approx_records !== null) out.approxRecords = Number(row.approx_records);
  return out as TBreachContent;
}

/** Build the view of a breach from its rows (phases in order, notifications in time order). */
export function toBreachView(
  row: BreachesTable,
  phases: readonly BreachPhasesTable[],
  notifications: readonly BreachNotificationsTable[],
  now: Date,
): TBreachView {
  const orderedPhases = [...phases].sort((a, b) => Number(a.seq) - Number(b.seq));
  const content = Object.assign({}, ...orderedPhases.map(phaseContent)) as TBreachContent;
  const sent = [...notifications].sort((a, b) => a.at.localeCompare(b.at));
  const firstToAuthority = sent.find((n) => n.recipient === 'authority')?.at ?? null;
  return {
    id: row.id,
    title: row.title,
    awareAt: row.aware_at,
    occurredAt: row.occurred_at,
    status: row.status as TBreachView['status'],
    risk: row.risk as TBreachView['risk'],
    authority: {
      decision: row.authority_decision as TBreachView['authority']['decision'],
      reason: row.authority_decision_reason,
      delayReason: row.delay_reason,
    },
    subjects: {
      decision: row.subjects_decision as TBreachView['subjects']['decision'],
      ground: row.subjects_decision_reason as TBreachView['subjects']['ground'],
      note: row.subjects_decision_note,
    },
    decidedAt: row.decided_at,
    decidedBy: row.decided_by,
    content,
    phases: orderedPhases.map((p) => ({
      seq: Number(p.seq),
      at: p.at,
      recordedBy: p.recorded_by,
      ...phaseContent(p),
    })),
    notifications: sent.map((n) => ({
      id: n.id,
      recipient: n.recipient as TBreachView['notifications'][number]['recipient'],
      at: n.at,
      channel: n.channel as TBreachView['notifications'][number]['channel'],
      reference: n.reference,
      recipientsCount: n.recipients_count === null ? null : Number(n.recipients_count),
      late: n.recipient === 'authority' && isLate(row.aware_at, n.at),
      recordedAt: n.recorded_at,
      recordedBy: n.recorded_by,
    })),
    clock: breachClock(
      {
        awareAt: row.aware_at,
        authorityDecision: row.authority_decision,
        authorityNotifiedAt: firstToAuthority,
      },
      now,
    ),
    createdAt: row.created_at,
    createdBy: row.created_by,
    closedAt: row.closed_at,
    closedBy: row.closed_by,
  };
}

/** One breach, whole. Throws REG_ERR_BREACH_NOT_FOUND. */
export async function readBreach(db: Kysely<StoreDb>, id: string, now: Date): Promise<TBreachView> {
  const row = await db.selectFrom('breaches').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new RegistreError('REG_ERR_BREACH_NOT_FOUND', `no breach has id "${id}"`);
  const phases = await db.selectFrom('breach_phases').selectAll().where('breach_id', '=', id).execute();
  const notifications = await db
    .selectFrom('breach_notifications')
    .selectAll()
    .where('breach_id', '=', id)
    .execute();
  return toBreachView(row, phases, notifications, now);
}

/** Every breach (or only open or closed ones), most recent awareness first, with its clock. */
export async function listBreaches(
  db: Kysely<StoreDb>,
  now: Date,
  status?: 'open' | 'closed',
): Promise<TBreachSummary[]> {
  let query = db.selectFrom('breaches').selectAll();
  if (status !== undefined) query = query.where('status', '=', status);
  const rows = await query.orderBy('aware_at', 'desc').orderBy('id').execute();
  if (rows.length === 0) return [];
  const firsts = await db
    .selectFrom('breach_notifications')
    .select(({ fn }) => ['breach_id', fn.min('at').as('first_at')])
    .where('recipient', '=', 'authority')
    .groupBy('breach_id')
    .execute();
  const firstOf = new Map(firsts.map((f) => [f.breach_id, String(f.first_at)]));
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    awareAt: row.aware_at,
    status: row.status as TBreachSummary['status'],
    risk: row.risk as TBreachSummary['risk'],
    clock: breachClock(
      {
        awareAt: row.aware_at,
        authorityDecision: row.authority_decision,
        authorityNotifiedAt: firstOf.get(row.id) ?? null,
      },
      now,
    ),
  }));
}
