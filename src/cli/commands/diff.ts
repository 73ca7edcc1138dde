import { type Command, Option } from 'commander';
import { diffPolicies } from '../../policy/diff/diff-policies.ts';
import { renderDiff } from '../../policy/diff/render-diff.ts';
import { loadPolicyOrThrow } from '../../policy/load-policy.ts';
import type { Language } from '../../policy/taxonomy/types.ts';

export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('what changed between two versions of a policy, in words a data subject can read')
    .argument('<old>', 'the earlier policy file')
    .argument('<new>', 'the later policy file')
    .addOption(new Option('--lang <lang>', 'language').choices(['fr', 'en']).default('fr'))
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'text', 'json']))
    .action(
      async (
        oldPath: string,
        newPath: string,
        options: { lang: Language; format?: 'md' | 'text' | 'json' },
      ) => {
        const json = Boolean(program.opts<{ json?: boolean }>().json);
        const [before, after] = await Promise.all([loadPolicyOrThrow(oldPath), loadPolicyOrThrow(newPath)]);
        const changes = diffPolicies(before, after);
        const format = options.format ?? (json ? 'json' : 'text');
        process.stdout.write(`${renderDiff(changes, { lang: options.lang, format })}\n`);
      },
    );
}
