/**
 * Walking the Zod policy schema: which schema applies at a path (to list the keys a mapping
 * allows), and a visit of every value with the schema that governs it (to find every localized
 * text or country code wherever the model puts one).
 */
import { z } from 'zod';
import type { PathSegment } from './issue-path.ts';

/** Removes the wrappers that do not change the shape of a value (optional, default, nullable…). */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodPrefault ||
      current instanceof z.ZodReadonly
    ) {
      current = current.unwrap() as z.ZodType;
    } else {
      return current;
    }
  }
}

function childSchema(schema: z.ZodType, segment: PathSegment, value: unknown): z.ZodType | undefined {
  const inner = unwrapSchema(schema);
  if (inner instanceof z.ZodObject) return (inner.shape as Record<string, z.ZodType>)[String(segment)];
  if (inner instanceof z.ZodArray) return inner.element as z.ZodType;
  if (inner instanceof z.ZodRecord) return inner.valueType as z.ZodType;
  if (inner instanceof z.ZodUnion) {
    const options = inner.options as readonly z.ZodType[];
    const accepting = options.find((option) => option.safeParse(value).success);
    const candidates = accepting === undefined ? options : [accepting];
    for (const option of candidates) {
      const child = childSchema(option, segment, value);
      if (child !== undefined) return child;
    }
  }
  return undefined;
}

/** Reads the plain value one step down a path, or undefined. */
export function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/** The schema that governs the value at `path` in `root`, if the path leads anywhere in the schema. */
export function schemaAt(
  schema: z.ZodType,
  root: unknown,
  path: readonly PathSegment[],
): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (const [index, segment] of path.entries()) {
    if (current === undefined) return undefined;
    current = childSchema(current, segment, valueAt(root, path.slice(0, index)));
  }
  return current;
}

/** Keys a mapping at `path` may hold (empty when the path does not lead to an object schema). */
export function allowedKeysAt(schema: z.ZodType, root: unknown, path: readonly PathSegment[]): string[] {
  const found = schemaAt(schema, root, path);
  const inner = found === undefined ? undefined : unwrapSchema(found);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

/** Called for every value reached, with the schema that declared it (wrappers such as optional removed). */
export type SchemaVisitor = (schema: z.ZodType, value: unknown, path: readonly PathSegment[]) => void;

/**
 * Visits `value` and everything inside it together with the schema of each part. Call it on data
 * that already passed the schema: a union is resolved to the first option that accepts the value.
 */
export function walkWithSchema(schema: z.ZodType, value: unknown, visit: SchemaVisitor): void {
  const walk = (current: z.ZodType, data: unknown, path: PathSegment[]): void => {
    const inner = unwrapSchema(current);
    if (inner instanceof z.ZodUnion) {
      const accepting = (inner.options as readonly z.ZodType[]).find((o) => o.safeParse(data).success);
      if (accepting !== undefined) walk(accepting, data, path);
      return;
    }
    visit(inner, data, path);
    if (data === null || typeof data !== 'object') return;
    const entries: [PathSegment, unknown][] = Array.isArray(data)
      ? [...data.entries()]
      : Object.entries(data);
    for (const [key, item] of entries) {
      const child = childSchema(inner, key, data);
      if (child !== undefined) walk(child, item, [...path, key]);
    }
  };
  walk(schema, value, []);
}
