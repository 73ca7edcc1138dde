/**
 * `registre demo` with no subcommand — what `npm start` runs: the main job on the embedded
 * SQLite default with the demo organisation. It checks the demo policy, publishes its notice,
 * register and DPV export into `.registre/demo/`, creates the demo database when it is absent,
 * checks the data map against it, and verifies the audit trail.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { setupDemoDatabase } from '../../../examples/demo/setup-demo-database.ts';
import { ensureAuditSchema, verifyAudit } from '../../audit/index.ts';
import { checkDataMap } from '../../datamap/check-datamap.ts';
import { loadDataMapOrThrow } from '../../datamap/load-datamap.ts';
import { openTarget } from '../../engine/db/connect.ts';
import { RegistreError } from '../../errors/registry.ts';
import { loadPolicy } from '../../policy/load-policy.ts';
import { exportDpv } from '../../policy/render/dpv/export-dpv.ts';
import { renderNotice } from '../../policy/render/notice/render-notice.ts';
import { buildRegister } from '../../policy/render/register/build-register.ts';
import { renderRegister } from '../../policy/render/register/render-register.ts';
import { startServer } from '../../server/start.ts';
import { createOutput, formatIssue } from '../output.ts';

export const DEMO_DIR = 'examples/demo';
export const DEMO_STATE_DIR = '.registre/demo';
export const DEMO_DB_PATH = '.registre/demo/facturo.db';

export function attachDemoRun(demo: Command, program: Command, setExit: (code: number) => void): void {
  demo.option('--no-serve', 'prepare the demo and stop, without starting the server');
  demo.option('--port <port>', 'port of the server (default REGISTRE_PORT or 3000)');
  demo.action(async (options: { serve: boolean; port?: string }) => {
    const out = createOutput(Boolean(program.opts<{ json?: boolean }>().json));
    const summary: Record<string, unknown> = {};
    const policyPath = join(DEMO_DIR, 'policy.yaml');

    const checked = await loadPolicy(policyPath);
    out.line(
      `Policy ${policyPath}: ${checked.ok ? 'valid' : 'INVALID'}, ${checked.warnings.length} warning(s)`,
    );
    if (!checked.ok) {
      for (const issue of checked.errors) out.error(formatIssue(issue));
      setExit(1);
      return;
    }
    mkdirSync(DEMO_STATE_DIR, { recursive: true });
    const published: string[] = [];
    const write = (name: string, text: string) => {
      const file = join(DEMO_STATE_DIR, name);
      writeFileSync(file, text);
      published.push(file);
    };
    for (const lang of ['fr', 'en'] as const) {
      write(`notice.${lang}.html`, renderNotice(checked, { lang, format: 'html' }));
      write(`notice.${lang}.md`, renderNotice(checked, { lang, format: 'md' }));
    }
    const register = buildRegister(checked, 'fr');
    write('register.csv', renderRegister(register, { format: 'csv', record: 'all' }));
    write('register.html', renderRegister(register, { format: 'html', record: 'all' }));
    write('register.dpv.jsonld', JSON.stringify(exportDpv(checked), null, 2));
    out.line(
      `Published the notice (fr, en), the Art 30 register (${register.controllerRecord.rows.length} controller and ${register.processorRecord.rows.length} processor activities) and the DPV export:`,
    );
    for (const file of published) out.line(`  ${resolve(file)}`);
    summary.policy = { file: policyPath, warnings: checked.warnings.length, published };

    const dbUrl = `sqlite:${DEMO_DB_PATH}`;
    const fresh = !existsSync(DEMO_DB_PATH);
    const target = openTarget(dbUrl);
    try {
      if (fresh) {
        out.line('Creating the demo database (2 000 people over 12 years)…');
        const stats = await setupDemoDatabase(target, { today: new Date() });
        out.line(
          `  ${stats.totalRows} rows in ${Object.keys(stats.tables).length} tables: ${resolve(DEMO_DB_PATH)}`,
        );
      } else {
        out.line(`Demo database: ${resolve(DEMO_DB_PATH)} (delete it to start over)`);
      }
      const loaded = await loadDataMapOrThrow(join(DEMO_DIR, 'datamap.yaml'));
      const schema = await target.adapter.introspect(target.db);
      const mapCheck = await checkDataMap(loaded, schema);
      out.line(
        `Data map ${loaded.file}: ${mapCheck.errors.length} error(s), ${mapCheck.warnings.length} warning(s) against the live schema`,
      );
      await ensureAuditSchema(target.db);
      const audit = await verifyAudit(target.db);
      out.line(
        `Audit trail: ${audit.ok ? 'intact' : 'BROKEN'}, ${audit.entries} entr${audit.entries === 1 ? 'y' : 'ies'}, last hash ${audit.lastHash.slice(0, 16)}…`,
      );
      summary.database = { url: dbUrl, created: fresh };
      summary.datamap = { errors: mapCheck.errors.length, warnings: mapCheck.warnings.length };
      summary.audit = { ok: audit.ok, entries: audit.entries, lastHash: audit.lastHash };
      if (!mapCheck.ok || !audit.ok) setExit(1);
    } finally {
      await target.close();
    }
    out.line('');
    out.line('Try: npx registre sweep examples/demo/datamap.yaml --db sqlite:.registre/demo/facturo.db');
    if (!options.serve) {
      out.result(summary);
      return;
    }
    const port = options.port === undefined ? undefined : Number(options.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
      throw new RegistreError(
        'REG_ERR_CLI_USAGE',
        `--port must be an integer from 0 to 65535 (got "${options.port}")`,
      );
    }
    const server = await startServer({
      ...(port === undefined ? {} : { port }),
      say: (line) => (out.json ? out.error(line) : out.line(line)),
    });
    out.line('');
    out.line(`Privacy center: ${server.address}/`);
    out.line(`DPO console:    ${server.address}/console`);
    out.line(`API docs:       ${server.address}/docs`);
    out.line('Stop with Ctrl+C.');
    out.result({ ...summary, address: server.address });
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server.close().then(resolve, () => resolve());
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  });
}
