import type { Command } from 'commander';
import { z } from 'zod';
import { ZPolicy } from '../../policy/model.ts';

/** The JSON Schema of the policy file (for editor completion, e.g. YAML language server). */
export function policyJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(ZPolicy, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://registre.dev/schema/policy-1.json',
    title: 'Registre policy file (format 1)',
  };
}

export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the policy file, for editor completion')
    .action(() => {
      process.stdout.write(`${JSON.stringify(policyJsonSchema(), null, 2)}\n`);
    });
}
