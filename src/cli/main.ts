/**
 * `registre` command line: a thin shell over the core. Each command lives in its own file under
 * `commands/` and registers itself on the program.
 */
import { Command, CommanderError } from 'commander';
import { isRegistreError } from '../errors/registry.ts';
import { registerCommands } from './commands/index.ts';
import { createOutput } from './output.ts';

/** Exit codes: 0 success, 1 the input is invalid or the operation failed, 2 usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('registre')
    .description(
      'Privacy operations as code: check a GDPR policy, publish its notice and register, enforce it.',
    )
    .option('--json', 'print one JSON document on stdout instead of text')
    .showHelpAfterError()
    .exitOverride();
  registerCommands(program, setExit);
  return program;
}

/** Run the CLI with `argv` (as in `process.argv`) and return the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = buildProgram((code) => {
    exitCode = Math.max(exitCode, code);
  });
  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version requests exit 0; anything else is a usage error already printed by commander.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const json = Boolean(program.opts<{ json?: boolean }>().json);
    const out = createOutput(json);
    if (isRegistreError(error)) {
      if (json) out.result({ ok: false, code: error.code, message: error.message, details: error.details });
      else out.error(`registre: ${error.message} [${error.code}]`);
      return error.code === 'REG_ERR_CLI_USAGE' ? EXIT.usage : EXIT.invalid;
    }
    out.error(
      `registre: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return EXIT.invalid;
  }
}
