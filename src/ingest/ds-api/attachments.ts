/**
 * The attachments of an API run: each file is downloaded from its signed
 * address (valid about an hour, so in the same run) only when the pipeline
 * asks for it — a laureate's logo, captures and brochure, never the other
 * pieces of a dossier — then checked against the size and checksum DS gave.
 * The bytes then go through the same safety pipeline as the ZIP export's
 * (images.ts). A file that cannot be had says why, and the run goes on.
 */
import { createHash } from 'node:crypto';
import { MAX_ATTACHMENT_BYTES, makeStore, type AttachmentStore, type Located } from '../read/attachments.ts';
import type { ApiDossier, ApiFile } from './query.ts';

/** ActiveStorage's checksum: base64 of the MD5 digest (SHA-256 where the service is configured so). */
export function checksumMatches(bytes: Buffer, checksum: string): boolean {
  const algorithm = Buffer.from(checksum, 'base64').length === 32 ? 'sha256' : 'md5';
  return createHash(algorithm).update(bytes).digest('base64') === checksum;
}

async function download(file: ApiFile, fetchFile: typeof fetch): Promise<{ bytes: Buffer } | { problem: string }> {
  const size = Number(file.byteSizeBigInt);
  if (size > MAX_ATTACHMENT_BYTES) return { problem: `trop lourde (${Math.round(size / 1024 / 1024)} Mo, au plus ${MAX_ATTACHMENT_BYTES / 1024 / 1024} Mo) : non téléchargée` };
  let response: Response;
  try {
    // A signed address: no token is sent with it.
    response = await fetchFile(file.url, { signal: AbortSignal.timeout(120_000) });
  } catch (error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return { problem: `téléchargement impossible (${cause?.code ?? (error as Error).message}) : relancez l’ingestion` };
  }
  if (response.status === 403 || response.status === 410) {
    await response.body?.cancel();
    return { problem: `adresse de téléchargement expirée (HTTP ${response.status}) : relancez l’ingestion, les adresses de Démarches Simplifiées ne valent qu’une heure` };
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return { problem: 'fichier introuvable chez Démarches Simplifiées (HTTP 404) : demandez au candidat de le déposer à nouveau' };
  }
  if (!response.ok) {
    await response.body?.cancel();
    return { problem: `téléchargement refusé (HTTP ${response.status}) : relancez l’ingestion` };
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length !== size) return { problem: `fichier tronqué ou différent (${bytes.length} octets reçus, ${size} annoncés) : relancez l’ingestion` };
  if (!checksumMatches(bytes, file.checksum)) return { problem: 'empreinte (checksum) différente de celle que Démarches Simplifiées annonce : fichier altéré en route, non repris ; relancez l’ingestion' };
  return { bytes };
}

/** A store over the files the API lists for each dossier (its own champs, not the annotations). */
export function attachmentsFromApi(
  dossiers: readonly ApiDossier[],
  fetchFile: typeof fetch = fetch,
  onDownload?: (count: number) => void,
): AttachmentStore & { why(dossier: number, name: string): string | undefined } {
  const problems = new Map<string, string>();
  const keyOf = (dossier: number, name: string) => `${dossier}/${name.normalize('NFC').trim()}`;
  let downloaded = 0;
  const located: Located[] = dossiers.flatMap((d) =>
    (d.champs ?? []).flatMap((champ) =>
      (champ.files ?? []).map((file) => ({
        dossier: d.number,
        original: file.filename.normalize('NFC'),
        async load() {
          const result = await download(file, fetchFile);
          if ('problem' in result) {
            problems.set(keyOf(d.number, file.filename), result.problem);
            return undefined;
          }
          onDownload?.(++downloaded);
          return result.bytes;
        },
      })),
    ),
  );
  return { ...makeStore(located), why: (dossier, name) => problems.get(keyOf(dossier, name)) };
}
