/**
 * Commands that publish documents from a policy: the privacy notice, the Art 30 register and
 * the DPV export. Each writes to stdout, or to a file with `--out`.
 */
import { writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import { loadPolicyOrThrow } from '../../policy/load-policy.ts';
import { exportDpv } from '../../policy/render/dpv/export-dpv.ts';
import { renderNotice } from '../../policy/render/notice/render-notice.ts';
import { buildRegister } from '../../policy/render/register/build-register.ts';
import { renderRegister } from '../../policy/render/register/render-register.ts';
import type { Language } from '../../policy/taxonomy/types.ts';

function emit(text: string, out: string | undefined): void {
  if (out === undefined) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  else writeFileSync(out, text);
}

export function registerDocumentCommands(program: Command): void {
  program
    .command('notice')
    .description('generate the privacy notice from a policy')
    .argument('<policy>', 'path to the policy YAML file')
    .addOption(new Option('--lang <lang>', 'language').choices(['fr', 'en']).default('fr'))
    .addOption(new Option('--format <format>', 'output format').choices(['md', 'html']).default('md'))
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(async (policyPath: string, options: { lang: Language; format: 'md' | 'html'; out?: string }) => {
      const loaded = await loadPolicyOrThrow(policyPath);
      emit(renderNotice(loaded, { lang: options.lang, format: options.format }), options.out);
    });

  program
    .command('register')
    .description('generate the Art 30 register: controller record (30(1)) and processor record (30(2))')
    .argument('<policy>', 'path to the policy YAML file')
    .addOption(
      new Option('--format <format>', 'output format').choices(['csv', 'json', 'html']).default('csv'),
    )
    .addOption(
      new Option('--record <record>', 'which record')
        .choices(['controller', 'processor', 'all'])
        .default('all'),
    )
    .addOption(new Option('--lang <lang>', 'language').choices(['fr', 'en']).default('fr'))
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(
      async (
        policyPath: string,
        options: {
          format: 'csv' | 'json' | 'html';
          record: 'controller' | 'processor' | 'all';
          lang: Language;
          out?: string;
        },
      ) => {
        const loaded = await loadPolicyOrThrow(policyPath);
        const register = buildRegister(loaded, options.lang);
        emit(renderRegister(register, { format: options.format, record: options.record }), options.out);
      },
    );

  program
    .command('dpv')
    .description('export the register as JSON-LD in W3C Data Privacy Vocabulary 2.3 terms')
    .argument('<policy>', 'path to the policy YAML file')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(async (policyPath: string, options: { out?: string }) => {
      const loaded = await loadPolicyOrThrow(policyPath);
      emit(JSON.stringify(exportDpv(loaded), null, 2), options.out);
    });
}
