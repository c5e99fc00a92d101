/**
 * npm run ingest [-- --call <appel>] [--dry-run] [--report <fichier.json>] [--demo]
 * (--demo flags the laureates written as fictional demonstration entries: for the sample export)
 * Ingests the selection outputs dropped in selection/<call>/ into laureate content.
 * Exit codes: 0 ingested (warnings allowed), 1 a laureate could not be ingested
 * or the mapping is invalid, 2 usage error.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IngestError } from '../src/ingest/errors.ts';
import { formatReport } from '../src/ingest/report.ts';
import { ingest } from '../src/ingest/run.ts';

const USAGE = 'usage : npm run ingest -- [--call <appel>] [--dry-run] [--report <rapport.json>] [--demo]';

let args;
try {
  args = parseArgs({
    options: {
      call: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.call !== undefined && !/^[a-z0-9-]+$/.test(args.call)) {
  console.error(`appel « ${args.call} » invalide\n${USAGE}`);
  process.exit(2);
}

const root = path.resolve(import.meta.dirname, '..');
try {
  const result = await ingest({
    root,
    call: args.call,
    dryRun: args['dry-run'],
    demo: args.demo,
    progress: (line) => console.error(line),
  });
  if (result.reports.length === 0) {
    console.log('Ingestion : aucun export dans selection/, rien à faire.');
  }
  for (const report of result.reports) console.log(formatReport(report));
  if (args['dry-run'] && result.reports.length > 0) console.log('(simulation : aucun fichier écrit)');
  if (args.report) writeFileSync(path.resolve(args.report), `${JSON.stringify(result.reports, null, 2)}\n`);
  process.exit(result.exitCode);
} catch (error) {
  if (error instanceof IngestError) {
    console.error(`Ingestion impossible : ${error.message}`);
    process.exit(1);
  }
  throw error;
}
