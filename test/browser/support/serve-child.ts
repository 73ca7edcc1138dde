/**
 * Child-process entry of the browser tests' server: src/server/start.ts `startServer()` with the
 * environment it is given (what `registre serve` runs), stopped by SIGTERM.
 */
import { startServer } from '../../../src/server/start.ts';

const server = await startServer({ say: (line) => process.stdout.write(`${line}\n`) });
const stop = () => {
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`error while stopping: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
