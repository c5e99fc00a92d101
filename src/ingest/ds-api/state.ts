/**
 * What an API run remembers between runs, beside the mapping
 * (`selection/<call>/.ds-api.json`, never committed like the rest of
 * selection/): the démarche, where the next incremental run starts (the
 * latest `dateDerniereModification` DS returned, its own clock), and the
 * dossiers' numbers with their last modification. Numbers and dates only:
 * nothing an applicant wrote.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import { IngestError } from '../errors.ts';
import { writeAtomic } from '../write.ts';

export const STATE_FILE = '.ds-api.json';

const stateSchema = z.strictObject({
  demarche: z.number().int().positive(),
  /** The next run's updatedSince (inclusive: the boundary dossier comes back, and is handled idempotently). */
  since: z.iso.datetime({ offset: true }),
  /** When the last complete run ended (this machine's clock, for people). */
  lastRun: z.iso.datetime({ offset: true }),
  dossiers: z.record(z.string().regex(/^\d+$/), z.iso.datetime({ offset: true })),
});
export type ApiState = z.output<typeof stateSchema>;

export function readState(folder: string): ApiState | undefined {
  const file = path.join(folder, STATE_FILE);
  if (!existsSync(file)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new IngestError(`${file} illisible (${(error as Error).message}) : supprimez-le et relancez avec --full`);
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) throw new IngestError(`${file} ne correspond pas au format attendu (${parsed.error.issues[0]?.message}) : supprimez-le et relancez avec --full`);
  return parsed.data;
}

export function writeState(folder: string, state: ApiState): void {
  writeAtomic(path.join(folder, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}
