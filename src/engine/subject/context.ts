/**
 * What every subject request needs, gathered once: the organisation's database, its data map and
 * policy, the subject graph, the live schema, the installation secret, a clock and the actor.
 * Operations receive this context; nothing here is global.
 */
import { ensureAuditSchema } from '../../audit/schema.ts';
import type { TDataMap } from '../../datamap/model.ts';
import { type SubjectGraph, subjectGraph } from '../../datamap/subject-graph.ts';
import type { LoadedPolicy } from '../../policy/loaded-policy.ts';
import type { Language } from '../../policy/taxonomy/types.ts';
import type { SchemaInfo, TargetDb } from '../db/types.ts';
import { ensureRestrictionSchema } from './restriction-schema.ts';
import { ensureSuppressionSchema } from './suppression-schema.ts';

export interface SubjectContext {
  readonly target: TargetDb;
  readonly datamap: TDataMap;
  readonly policy: LoadedPolicy;
  readonly graph: SubjectGraph;
  /** The live schema (column types, foreign keys), read once when the context is created. */
  readonly schema: SchemaInfo;
  /** Installation secret: pseudonyms, keyed hashes, the suppression list. */
  readonly secret: string;
  readonly clock: () => Date;
  /** Who acts, as written in the audit trail (`cli:<user>`, `user:<id>`…), never an e-mail address. */
  readonly actor: string;
  /** Language of the documents given to the subject: the policy's first language. */
  readonly language: Language;
}

export interface SubjectContextInput {
  readonly target: TargetDb;
  readonly datamap: TDataMap;
  readonly policy: LoadedPolicy;
  readonly secret: string;
  readonly actor: string;
  readonly clock?: () => Date;
  readonly language?: Language;
}

/**
 * Prepare a context: creates Registre's own tables in the target database when absent (audit
 * trail, restriction, suppression list) and reads the schema. Call it outside any transaction.
 */
export async function createSubjectContext(input: SubjectContextInput): Promise<SubjectContext> {
  const { db } = input.target;
  await ensureAuditSchema(db);
  await ensureRestrictionSchema(db);
  await ensureSuppressionSchema(db);
  const schema = await input.target.adapter.introspect(db);
  return {
    target: input.target,
    datamap: input.datamap,
    policy: input.policy,
    graph: subjectGraph(input.datamap),
    schema,
    secret: input.secret,
    clock: input.clock ?? (() => new Date()),
    actor: input.actor,
    language: input.language ?? input.policy.policy.organisation.languages[0] ?? 'fr',
  };
}
