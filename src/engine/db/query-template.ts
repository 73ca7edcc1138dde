/**
 * Build a query once, run it many times. Building and compiling a query with Kysely's builder costs
 * more than running a small indexed SELECT on SQLite (bench/PROFILE.md: about half of a subject
 * access). A query whose shape depends only on a key (table, columns, number of values) is compiled
 * once with placeholder values; later calls copy its parameters and put the real values in the
 * placeholders' positions. The SQL text is the one Kysely compiled, unchanged.
 *
 * On PostgreSQL the template's SQL text is also registered as a named prepared statement for pools
 * opened by `openTarget` (dialects/postgres/prepared-statements.ts).
 *
 * Templates are shared by every Kysely instance of a dialect (the SQL does not depend on the
 * connection). A plugin that rewrites queries would be applied only when a template is first
 * compiled: Registre uses none; do not pass such an instance here.
 */
import { type Compilable, type CompiledQuery, PostgresAdapter, type RawBuilder } from 'kysely';
import { RegistreError } from '../../errors/registry.ts';
import { markPreparable } from './dialects/postgres/prepared-statements.ts';
import type { AnyDb } from './types.ts';

/** Stands for the value at `index` while the query is compiled. */
class Slot {
  constructor(readonly index: number) {}
}

interface Template {
  readonly compiled: CompiledQuery<unknown>;
  /** [parameter position, value index] for every parameter that came from a placeholder. */
  readonly slots: readonly (readonly [number, number])[];
}

/** Templates per dialect (the compiled SQL differs), then per caller's key. */
const byDialect = new Map<unknown, Map<string, Template>>();
/** Keys embed table and column names from the data map; a bound keeps a long-lived server safe. */
const MAX_TEMPLATES_PER_DIALECT = 2000;

/**
 * The compiled query for `key` with `values` in place of the placeholders `build` received.
 * `build` must produce the same SQL for every call with the same key and number of values, and must
 * bind each placeholder as a parameter (not inline it): otherwise this throws.
 */
export function templated<R>(
  db: AnyDb,
  key: string,
  values: readonly unknown[],
  build: (placeholders: readonly unknown[]) => Compilable<R> | RawBuilder<R>,
): CompiledQuery<R> {
  const adapter = db.getExecutor().adapter;
  const dialect = adapter.constructor;
  let templates = byDialect.get(dialect);
  if (templates === undefined) {
    templates = new Map();
    byDialect.set(dialect, templates);
  }
  const fullKey = `${values.length}\u0000${key}`;
  let template = templates.get(fullKey);
  if (template === undefined) {
    template = compileTemplate(db, values.length, build);
    // PostgreSQL runs it as a named prepared statement (prepared-statements.ts): parsed and planned
    // once per connection instead of on every call.
    if (adapter instanceof PostgresAdapter) markPreparable(template.compiled.sql);
    if (templates.size >= MAX_TEMPLATES_PER_DIALECT) templates.clear();
    templates.set(fullKey, template);
  }
  const parameters = [...template.compiled.parameters];
  for (const [position, index] of template.slots) parameters[position] = values[index];
  return { ...template.compiled, parameters } as CompiledQuery<R>;
}

function compileTemplate(
  db: AnyDb,
  count: number,
  build: (placeholders: readonly unknown[]) => Compilable<unknown> | RawBuilder<unknown>,
): Template {
  const placeholders = Array.from({ length: count }, (_, i) => new Slot(i));
  // A raw `sql` snippet compiles against the instance; a query builder ignores the argument.
  const compiled = (build(placeholders) as RawBuilder<unknown>).compile(db);
  const slots: [number, number][] = [];
  const seen = new Set<number>();
  compiled.parameters.forEach((parameter, position) => {
    if (parameter instanceof Slot) {
      slots.push([position, parameter.index]);
      seen.add(parameter.index);
    }
  });
  if (seen.size !== count) {
    throw new RegistreError(
      'REG_ERR_INTERNAL',
      `query template: ${count - seen.size} of ${count} values are not bound as parameters`,
    );
  }
  return { compiled, slots };
}
