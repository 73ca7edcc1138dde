/**
 * One right, one engine operation on the organisation's database. Each operation writes its own
 * entry in the engine's audit trail (in the target database, in the effect's transaction); this
 * file only chooses the operation and turns its result into files and sentences for the subject.
 *
 * - access → `executeAccess` (HTML, JSON and one CSV per table);
 * - portability → `exportPortableData` (JSON and CSV);
 * - erasure → `executeErasure` (legal holds and Art 17(3) respected by the plan);
 * - rectification → `rectify`; restriction → `restrictProcessing` with the Art 18(1) ground;
 * - objection to direct marketing → `objectToDirectMarketing` (suppression list, marketing tables);
 * - objection (Art 21(1)) → `restrictProcessing` on ground `objection-pending`: processing stops
 *   while the controller verifies whether compelling legitimate grounds override it (Art 18(1)(d)).
 */
import { subjectRef } from '../../audit/subject-ref.ts';
import {
  describeErasurePlan,
  type ErasureResult,
  executeAccess,
  executeErasure,
  exportPortableData,
  findSubject,
  objectToDirectMarketing,
  rectify,
  renderAccessCsv,
  renderAccessHtml,
  renderAccessJson,
  renderPortabilityCsv,
  renderPortabilityJson,
  restrictProcessing,
  type Subject,
  type SubjectContext,
} from '../../engine/subject/index.ts';
import type { RestrictionRefusal } from '../../engine/subject/restrict.ts';
import { refusalLabels } from '../../engine/subject/right-refusal.ts';
import { isRegistreError, RegistreError } from '../../errors/registry.ts';
import { textOf } from '../../policy/taxonomy/labels.ts';
import type { ExportFile } from '../exports/create-export.ts';
import type { TFulfilment } from './fulfilment-input.ts';
import { OUTCOME_WORDS } from './outcome-words.ts';

export interface EngineOutcome {
  readonly subjectFound: boolean;
  /** Rows concerned per table. */
  readonly rowCounts: Record<string, number>;
  /** What was done, one sentence per line, in the context's language. */
  readonly summary: string[];
  /** Files to hand to the subject (access, portability). */
  readonly files: ExportFile[];
}

const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** One sentence per table the policy kept out of a restriction or objection, with its reasons. */
function refusedWords(ctx: SubjectContext, refused: readonly RestrictionRefusal[]): string[] {
  const words = OUTCOME_WORDS[ctx.language];
  return refused
    .filter((r) => r.rows > 0)
    .map((r) => {
      const activity = ctx.policy.policy.activities.find((a) => a.id === r.activity);
      const name = activity === undefined ? r.activity : textOf(activity.name, ctx.language);
      return words.notRestricted(
        r.rows,
        name,
        refusalLabels(ctx.policy.taxonomy, r, ctx.language).join(', '),
      );
    });
}

function csvFiles(files: Map<string, string>): ExportFile[] {
  return [...files].map(([name, content]) => ({ name, mediaType: 'text/csv; charset=utf-8', content }));
}

function assertErased(result: ErasureResult): Record<string, number> {
  const failed = result.effects.filter((e) => e.status === 'failed');
  if (failed.length > 0) {
    throw new RegistreError(
      'REG_ERR_REQUESTS_ENGINE_FAILED',
      `erasure failed on ${failed.map((e) => `${e.table} (${e.error ?? 'unknown error'})`).join(', ')}`,
    );
  }
  const counts: Record<string, number> = {};
  for (const effect of result.effects) counts[effect.table] = (counts[effect.table] ?? 0) + effect.rows;
  return counts;
}

async function locate(ctx: SubjectContext, email: string): Promise<Subject | null> {
  try {
    return await findSubject(ctx, { email });
  } catch (error) {
    const code: string | undefined = isRegistreError(error) ? error.code : undefined;
    if (code === 'REG_ERR_SUBJECT_NOT_FOUND') return null;
    throw error;
  }
}

/** Run the operation `fulfilment` asks for on the person with address `email`. */
export async function runEngine(
  ctx: SubjectContext,
  email: string,
  fulfilment: TFulfilment,
  reason: string,
): Promise<EngineOutcome> {
  const words = OUTCOME_WORDS[ctx.language];
  const subject = await locate(ctx, email);
  if (subject === null && fulfilment.right === 'objection-direct-marketing') {
    // Not in the database yet: the address still goes on the suppression list, so that it is
    // never prospected (a subject with no identity rows reaches no table).
    const nobody: Subject = {
      identities: [],
      ref: subjectRef(ctx.secret, 'email', email.trim().toLowerCase()),
    };
    const result = await objectToDirectMarketing(ctx, nobody, { identifiers: [email] });
    return {
      subjectFound: false,
      rowCounts: {},
      summary: [words.notFound, words.marketing(result.added, 0)],
      files: [],
    };
  }
  if (subject === null) return { subjectFound: false, rowCounts: {}, summary: [words.notFound], files: [] };
  switch (fulfilment.right) {
    case 'access': {
      const report = await executeAccess(ctx, subject, { reason });
      const rowCounts = Object.fromEntries(report.tables.map((t) => [t.table, t.rows.length]));
      const withRows = report.tables.filter((t) => t.rows.length > 0).length;
      return {
        subjectFound: true,
        rowCounts,
        summary: [words.access(sum(rowCounts), withRows)],
        files: [
          {
            name: 'access.html',
            mediaType: 'text/html; charset=utf-8',
            content: renderAccessHtml(ctx, report),
          },
          { name: 'access.json', mediaType: 'application/json', content: renderAccessJson(report) },
          ...csvFiles(renderAccessCsv(report)),
        ],
      };
    }
    case 'portability': {
      const data = await exportPortableData(ctx, subject);
      const rowCounts = Object.fromEntries(data.tables.map((t) => [t.table, t.rows.length]));
      const withRows = data.tables.filter((t) => t.rows.length > 0).length;
      const summary = [words.portability(sum(rowCounts), withRows)];
      if (data.excluded.length > 0) summary.push(words.portabilityExcluded(data.excluded.length));
      return {
        subjectFound: true,
        rowCounts,
        summary,
        files: [
          { name: 'portability.json', mediaType: 'application/json', content: renderPortabilityJson(data) },
          ...csvFiles(renderPortabilityCsv(data)),
        ],
      };
    }
    case 'erasure': {
      const result = await executeErasure(ctx, subject, { reason });
      return {
        subjectFound: true,
        rowCounts: assertErased(result),
        summary: describeErasurePlan(ctx, result.plan, ctx.language),
        files: [],
      };
    }
    case 'rectification': {
      const result = await rectify(ctx, subject, fulfilment.changes, { reason });
      const columns = [...new Set(Object.values(result.columns).flat())];
      return {
        subjectFound: true,
        rowCounts: { ...result.rows },
        summary: [words.rectified(columns, sum(result.rows))],
        files: [],
      };
    }
    case 'restriction': {
      const result = await restrictProcessing(ctx, subject, fulfilment.ground);
      return {
        subjectFound: true,
        rowCounts: { ...result.rows },
        summary: [words.restricted(sum(result.rows)), ...refusedWords(ctx, result.refused)],
        files: [],
      };
    }
    case 'objection': {
      const result = await restrictProcessing(ctx, subject, 'objection-pending');
      return {
        subjectFound: true,
        rowCounts: { ...result.rows },
        summary: [words.objectionPending(sum(result.rows)), ...refusedWords(ctx, result.refused)],
        files: [],
      };
    }
    case 'objection-direct-marketing': {
      const result = await objectToDirectMarketing(ctx, subject, { identifiers: [email] });
      const rowCounts = assertErased(result.erasure);
      return {
        subjectFound: true,
        rowCounts,
        summary: [words.marketing(result.added, sum(rowCounts))],
        files: [],
      };
    }
  }
}
