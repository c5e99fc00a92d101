/**
 * Reads a whole démarche through the API: its active revision, every dossier
 * (or those updated since a date) page after page until DS says there is no
 * next page, and the dossiers deleted or put in the bin since that date. A
 * page that fails, carries errors or a null node stops the run: a partial
 * démarche is never taken for a complete one.
 */
import { IngestError } from '../errors.ts';
import type { DsClient } from './client.ts';
import { PAGE_SIZE, type ApiDossier, type ApiRevision, type Operation, type PageInfo } from './query.ts';

export interface DemarcheRead {
  number: number;
  title: string;
  revision: ApiRevision;
  dossiers: ApiDossier[];
  /** Dossiers deleted, or in the bin, since `since` (both lists merged, by number). */
  deleted: Array<{ number: number; date: string; pending: boolean }>;
  /** The latest `dateDerniereModification` seen (the server's clock): the next run's `since`. */
  latestUpdate?: string;
}

interface Connection<T> {
  pageInfo: PageInfo;
  nodes: Array<T | null>;
}

type DemarcheData<K extends string, T> = { demarche: Record<K, Connection<T>> | null };

/** Every node of a paginated connection, or an IngestError naming the page. */
async function allPages<K extends string, T>(
  client: DsClient,
  operation: Operation,
  key: K,
  variables: Record<string, unknown>,
  what: string,
  onPage?: (count: number) => void,
): Promise<T[]> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let page = 1; ; page++) {
    const where = `page ${page} des ${what}`;
    const data: DemarcheData<K, T> = await client.run(operation, { ...variables, first: PAGE_SIZE, after }, where);
    const connection = data.demarche?.[key];
    if (!connection || !Array.isArray(connection.nodes) || !connection.pageInfo) {
      throw new IngestError(`${where} : réponse incomplète (pas de liste « ${key} ») — rien n’a été écrit ; relancez`);
    }
    const missing = connection.nodes.findIndex((n) => n === null);
    if (missing >= 0) {
      throw new IngestError(`${where} : l’élément ${missing + 1} de la page est vide (null) — Démarches Simplifiées n’a pas pu le lire ; rien n’a été écrit, relancez plus tard`);
    }
    nodes.push(...(connection.nodes as T[]));
    onPage?.(nodes.length);
    if (!connection.pageInfo.hasNextPage) return nodes;
    if (!connection.pageInfo.endCursor || connection.pageInfo.endCursor === after) {
      throw new IngestError(`${where} : page suivante annoncée sans curseur — rien n’a été écrit ; relancez`);
    }
    after = connection.pageInfo.endCursor;
  }
}

export type DemarcheHead = Pick<DemarcheRead, 'number' | 'title' | 'revision'>;

/** The démarche's title and active revision (what the mapping is checked against before any dossier is read). */
export async function readRevision(client: DsClient, demarche: number): Promise<DemarcheHead> {
  const head: { demarche: { number: number; title: string; activeRevision: ApiRevision } | null } = await client.run('Revision', { demarche }, 'révision active de la démarche');
  if (!head.demarche) throw new IngestError(`démarche n° ${demarche} introuvable — vérifiez le numéro (--demarche ou demarche: dans mapping.yml)`);
  return { number: head.demarche.number, title: head.demarche.title, revision: head.demarche.activeRevision };
}

/** Every dossier (updated since `since`), and those deleted or in the bin since then. */
export async function readDossiers(client: DsClient, head: DemarcheHead, options: { since?: string; progress?: (line: string) => void } = {}): Promise<DemarcheRead> {
  const demarche = head.number;

  const dossiers = await allPages<'dossiers', ApiDossier>(
    client,
    'Dossiers',
    'dossiers',
    { demarche, updatedSince: options.since ?? null },
    options.since ? `dossiers modifiés depuis le ${options.since}` : 'dossiers',
    (n) => options.progress?.(`démarche ${demarche} : ${n} dossiers lus`),
  );
  const deleted: DemarcheRead['deleted'] = [];
  if (options.since) {
    for (const [operation, key, pending] of [
      ['DeletedDossiers', 'deletedDossiers', false],
      ['PendingDeletedDossiers', 'pendingDeletedDossiers', true],
    ] as const) {
      const nodes = await allPages<typeof key, { number: number; dateSupression: string }>(client, operation, key, { demarche, since: options.since }, pending ? 'dossiers mis à la corbeille' : 'dossiers supprimés');
      for (const n of nodes) if (!deleted.some((d) => d.number === n.number)) deleted.push({ number: n.number, date: n.dateSupression, pending });
    }
  }
  const latestUpdate = dossiers.map((d) => d.dateDerniereModification).reduce<string | undefined>((max, d) => (max === undefined || Date.parse(d) > Date.parse(max) ? d : max), undefined);
  return { ...head, dossiers, deleted, ...(latestUpdate ? { latestUpdate } : {}) };
}
