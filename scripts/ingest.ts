/**
 * npm run ingest [-- --call <appel>] [--dry-run] [--report <fichier.json>] [--demo]
 * npm run ingest -- --call <appel> --api [--demarche <n>] [--since <date> | --full] [--dry-run]
 * (--demo flags the laureates written as fictional demonstration entries: for the sample export)
 * Ingests the selection outputs dropped in selection/<call>/ into laureate content, or
 * (--api) reads them from Démarches Simplifiées' GraphQL API with the token in DS_API_TOKEN
 * (endpoint DS_API_URL, by default DS's own).
 * Exit codes: 0 ingested (warnings allowed), 1 a laureate could not be ingested
 * or the mapping is invalid, 2 usage error.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { IngestError } from '../src/ingest/errors.ts';
import { formatReport } from '../src/ingest/report.ts';
import { ingest } from '../src/ingest/run.ts';
import { DEFAULT_DS_API_URL, tokenFromEnv } from '../src/ingest/ds-api/client.ts';
import type { ApiOptions } from '../src/ingest/ds-api/source.ts';

const USAGE = [
  'usage : npm run ingest -- [--call <appel>] [--dry-run] [--report <rapport.json>] [--demo]',
  '        npm run ingest -- --call <appel> --api [--demarche <numéro>] [--since <AAAA-MM-JJ> | --full] [--dry-run] [--report <rapport.json>]',
  '        (--api : jeton dans DS_API_TOKEN, adresse dans DS_API_URL, par défaut celle de Démarches Simplifiées)',
].join('\n');

let args;
try {
  args = parseArgs({
    options: {
      call: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      report: { type: 'string' },
      api: { type: 'boolean', default: false },
      demarche: { type: 'string' },
      since: { type: 'string' },
      full: { type: 'boolean', default: false },
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

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}
if (!args.api && (args.demarche !== undefined || args.since !== undefined || args.full)) usageError('--demarche, --since et --full vont avec --api');
if (args.api && !args.call) usageError('--api lit une démarche : précisez l’appel avec --call <appel>');
if (args.since !== undefined && args.full) usageError('--since et --full s’excluent : --full relit tous les dossiers');
if (args.demarche !== undefined && !/^\d+$/.test(args.demarche)) usageError(`--demarche « ${args.demarche} » : attendu le numéro de la démarche`);

const root = path.resolve(import.meta.dirname, '..');
try {
  const api: ApiOptions | undefined = args.api
    ? {
        endpoint: process.env.DS_API_URL?.trim() || DEFAULT_DS_API_URL,
        token: tokenFromEnv(),
        ...(args.demarche ? { demarche: Number(args.demarche) } : {}),
        ...(args.since ? { since: args.since } : {}),
        full: args.full,
      }
    : undefined;
  const result = await ingest({
    root,
    call: args.call,
    dryRun: args['dry-run'],
    demo: args.demo,
    progress: (line) => console.error(line),
    ...(api ? { api } : {}),
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
