/**
 * The API as a source of dossiers for the pipeline: which démarche, from
 * which date, the revision check, then the dossiers and their attachments in
 * the same shape as an export's.
 */
import { dossiersFromApi, type Dossier } from '../dossiers.ts';
import { parisMidnight } from '../dates.ts';
import { IngestError } from '../errors.ts';
import type { Mapping } from '../mapping.ts';
import type { AttachmentStore } from '../read/attachments.ts';
import { attachmentsFromApi } from './attachments.ts';
import { createClient } from './client.ts';
import { readDossiers, readRevision, type DemarcheRead } from './fetch.ts';
import { revisionProblems } from './revision.ts';
import { readState, type ApiState } from './state.ts';

export interface ApiOptions {
  endpoint: string;
  token: string;
  /** The démarche's number, else mapping.yml's `demarche:`. */
  demarche?: number;
  /** Only dossiers updated since this date (ISO 8601), else since the last complete run. */
  since?: string;
  /** Re-read every dossier, whatever the last run. */
  full?: boolean;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface ApiSource {
  demarche: DemarcheRead;
  dossiers: Dossier[];
  attachments: AttachmentStore;
  /** The updatedSince used, when the run is incremental. */
  since?: string;
  previous?: ApiState;
}

/** A date as DS's ISO8601DateTime wants it: `2025-06-12` is the start of that day, Paris time. */
export function sinceArgument(text: string): string {
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parisMidnight(text) : text;
  if (Number.isNaN(Date.parse(value))) throw new IngestError(`--since « ${text} » illisible : attendu une date AAAA-MM-JJ ou une date-heure ISO 8601 (2025-06-12T16:00:00+02:00)`);
  return value;
}

export async function readFromApi(folder: string, mapping: Mapping, options: ApiOptions, progress?: (line: string) => void): Promise<ApiSource> {
  const number = options.demarche ?? mapping.demarche;
  if (!number) throw new IngestError('numéro de démarche inconnu : donnez-le avec --demarche <numéro>, ou ajoutez demarche: <numéro> à mapping.yml');
  const previous = readState(folder);
  const fromState = previous && previous.demarche === number && !options.full ? previous.since : undefined;
  const since = options.full ? undefined : options.since ? sinceArgument(options.since) : fromState;
  const client = createClient({ endpoint: options.endpoint, token: options.token, fetch: options.fetch, sleep: options.sleep });
  try {
    const head = await readRevision(client, number);
    const problems = revisionProblems(mapping, head.revision);
    if (problems.length > 0) {
      throw new IngestError(`la révision active de la démarche n° ${number} ne correspond pas à mapping.yml (aucun dossier lu, rien n’a été écrit) :\n- ${problems.join('\n- ')}`);
    }
    const demarche = await readDossiers(client, head, { since, progress });
    return {
      demarche,
      dossiers: dossiersFromApi(demarche.dossiers, mapping, `API, démarche n° ${number}`),
      attachments: attachmentsFromApi(demarche.dossiers, options.fetch, (n) => progress?.(`pièces jointes téléchargées : ${n}`)),
      ...(since ? { since } : {}),
      ...(previous ? { previous } : {}),
    };
  } catch (error) {
    // Whatever went wrong, the token never leaves in a message.
    if (error instanceof Error) error.message = client.redact(error.message);
    throw error;
  }
}

/** The API as the report lists it among the inputs. */
export function apiInput(api: ApiSource): { file: string; kind: 'api'; note: string } {
  const { number, title, dossiers, deleted } = api.demarche;
  const since = api.since ? `modifiés depuis le ${api.since}` : 'tous les dossiers';
  return { file: `API Démarches Simplifiées, démarche n° ${number} « ${title} »`, kind: 'api', note: `${dossiers.length} dossiers (${since})${deleted.length > 0 ? `, ${deleted.length} supprimés ou à la corbeille` : ''}` };
}

/** Why a fiche whose dossier was deleted is withdrawn (written in its unpublishedReason). */
export function deletedReason(gone: DemarcheRead['deleted'][number]): string {
  return `dossier ${gone.pending ? 'mis à la corbeille' : 'supprimé'} dans Démarches Simplifiées le ${gone.date.slice(0, 10)}`;
}

/** Where the next run starts: DS's latest modification date seen, never this machine's clock. */
export function nextState(api: ApiSource): ApiState {
  const keep = api.since && api.previous?.demarche === api.demarche.number ? api.previous.dossiers : {};
  const dossiers: ApiState['dossiers'] = { ...keep };
  for (const d of api.demarche.dossiers) dossiers[String(d.number)] = d.dateDerniereModification;
  for (const d of api.demarche.deleted) delete dossiers[String(d.number)];
  const since = api.demarche.latestUpdate ?? api.since ?? api.previous?.since ?? new Date(0).toISOString();
  return { demarche: api.demarche.number, since, lastRun: new Date().toISOString(), dossiers };
}
