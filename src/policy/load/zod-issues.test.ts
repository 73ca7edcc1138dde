import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mapZodIssues } from './zod-issues.ts';

const ZExample = z.strictObject({
  name: z.string().min(1),
  age: z.number().int().max(25).optional(),
  where: z.union([z.string().regex(/^[A-Z]{2}$/, { message: 'expected a country code' }), z.literal('EEA')]),
  rights: z
    .record(z.string().regex(/^[a-z-]+$/, { message: 'expected a lower-case id' }), z.boolean())
    .optional(),
  tags: z.array(z.string()).min(1).optional(),
});

function findings(input: unknown, sourceAt?: (path: readonly (string | number)[]) => string | undefined) {
  const result = ZExample.safeParse(input, { reportInput: true });
  if (result.success) return [];
  return mapZodIssues(result.error.issues, ZExample, input, sourceAt).map(
    ({ code, path, message, target }) => ({
      code,
      path: path.join('/'),
      message,
      target,
    }),
  );
}

describe('mapZodIssues', () => {
  it('drops the missing field an unknown key is a typo of, and keeps unrelated missing fields', () => {
    expect(findings({ nme: 'x', where: 'FR' })).toEqual([
      {
        code: 'unknown-key',
        path: 'nme',
        message: "unknown key 'nme' at the top level of the policy; did you mean 'name'?",
        target: 'key',
      },
    ]);
    expect(findings({ colour: 'x', where: 'FR' }).map((f) => f.code)).toEqual([
      'missing-field',
      'unknown-key',
    ]);
  });

  it('says which forms a union accepts', () => {
    expect(findings({ name: 'x', where: 5 })[0]?.message).toBe(
      "where: the number 5 is not allowed; expected text or 'EEA'",
    );
  });

  it('points at an invalid record key, not its value', () => {
    expect(findings({ name: 'x', where: 'EEA', rights: { Access: true } })).toEqual([
      {
        code: 'invalid-key',
        path: 'rights/Access',
        message: "rights.Access: the key 'Access' is invalid: expected a lower-case id",
        target: 'key',
      },
    ]);
  });

  it('names bounds and sizes', () => {
    expect(findings({ name: '', where: 'EEA', age: 30, tags: [] }).map((f) => f.message)).toEqual([
      'name must not be empty',
      'age: must be at most 25, got the number 30',
      'tags: list at least 1 entry',
    ]);
  });

  it('quotes back what was written when a number stands where text is expected', () => {
    const written = (path: readonly (string | number)[]) => (path.join('.') === 'name' ? '1.10' : undefined);
    expect(findings({ name: 1.1, where: 'EEA' }, written)[0]?.message).toBe(
      "name: expected text, got the number 1.1; write it in quotes ('1.10') to keep it as text",
    );
  });
});
