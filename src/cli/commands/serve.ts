import type { Command } from 'commander';
import { RegistreError } from '../../errors/registry.ts';
import { startServer } from '../../server/start.ts';
import { createOutput } from '../output.ts';

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RegistreError(
      'REG_ERR_CLI_USAGE',
      `--port must be an integer from 0 to 65535 (got "${value}")`,
    );
  }
  return port;
}

/** `registre serve [--port] [--host]`: migrate the store, create the first admin, listen. */
export function registerServeCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('start the API server (store from REGISTRE_DATABASE_URL, SQLite file by default)')
    .option('--port <port>', 'port to listen on (default REGISTRE_PORT or 3000)')
    .option('--host <host>', 'address to listen on (default REGISTRE_HOST or 127.0.0.1)')
    .action(async (options: { port?: string; host?: string }) => {
      const out = createOutput(Boolean(program.opts<{ json?: boolean }>().json));
      const server = await startServer({
        ...(options.port === undefined ? {} : { port: parsePort(options.port) }),
        ...(options.host === undefined ? {} : { host: options.host }),
        say: (line) => (out.json ? out.error(line) : out.line(line)),
      });
      out.result({
        ok: true,
        address: server.address,
        docs: `${server.address}/docs`,
        migrationsApplied: server.migrationsApplied,
        bootstrap: server.bootstrap,
      });
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          server.close().then(resolve, (error: unknown) => {
            out.error(`registre: error while stopping: ${(error as Error).message}`);
            setExit(1);
            resolve();
          });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      setExit(0);
    });
}
