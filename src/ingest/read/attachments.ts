/**
 * The attachments of an export: the DS ZIP (`export/dossier-<ID>/pieces_justificatives/…`)
 * or the same tree extracted on disk. Only files under `pieces_justificatives/`
 * are ever read: the per-dossier PDF export (`export-<ID>-….pdf`) holds the
 * private annotations and is ignored.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { openZip } from './zip.ts';

/** Larger attachments are refused (a logo or a capture is far smaller). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface AttachmentStore {
  /** Reads the file a spreadsheet cell names (original name) for a dossier; undefined if absent. */
  read(dossier: number, originalName: string): Promise<Buffer | undefined>;
  /** Original names of a dossier's files, in the export's order. */
  names(dossier: number): string[];
  /** Number of attachment files known. */
  size: number;
  /** Why a file the dossier names could not be read, when the store knows (API downloads). */
  why?(dossier: number, originalName: string): string | undefined;
}

const PIECE = /^(?:.*\/)?export\/dossier-(\d+)\/pieces_justificatives\/([^/]+)$/;

/** DS inserts `-dd-mm-YYYY-HH-MM-<n>` before the extension. */
export function originalNameOf(storedName: string): string {
  const ext = path.extname(storedName);
  const base = storedName.slice(0, storedName.length - ext.length).replace(/-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-\d+$/, '');
  return `${base}${ext}`.normalize('NFC');
}

/** One file of a dossier, by its original name, read only when asked (undefined: could not be had). */
export interface Located {
  dossier: number;
  original: string;
  load: () => Promise<Buffer | undefined>;
}

/** A store over located files: names by dossier, and two files of the same name served in order. */
export function makeStore(files: Located[]): AttachmentStore {
  const byKey = new Map<string, Located[]>();
  for (const f of files) {
    const key = `${f.dossier}/${f.original}`;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const served = new Map<string, number>();
  const byDossier = new Map<number, string[]>();
  for (const f of files) byDossier.set(f.dossier, [...(byDossier.get(f.dossier) ?? []), f.original]);
  return {
    size: files.length,
    names: (dossier) => byDossier.get(dossier) ?? [],
    async read(dossier, originalName) {
      const key = `${dossier}/${originalName.normalize('NFC').trim()}`;
      const candidates = byKey.get(key);
      if (!candidates) return undefined;
      // Two attachments may share a name: serve them in order.
      const i = served.get(key) ?? 0;
      served.set(key, i + 1);
      return candidates[Math.min(i, candidates.length - 1)]!.load();
    },
  };
}

export function attachmentsFromFolder(root: string): AttachmentStore {
  const files: Located[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = path.join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else {
        const rel = path.relative(root, abs).split(path.sep).join('/');
        const m = PIECE.exec(`/${rel}`) ?? PIECE.exec(rel);
        if (m && statSync(abs).size <= MAX_ATTACHMENT_BYTES) {
          files.push({ dossier: Number(m[1]), original: originalNameOf(m[2]!), load: async () => readFileSync(abs) });
        }
      }
    }
  };
  walk(root);
  return makeStore(files);
}

export async function attachmentsFromZip(bytes: Buffer, source = 'pièces justificatives'): Promise<AttachmentStore> {
  const zip = await openZip(bytes, source);
  const files: Located[] = [];
  for (const name of zip.names) {
    const m = PIECE.exec(name);
    const entry = zip.entry(name)!;
    if (!m || entry.uncompressedSize > MAX_ATTACHMENT_BYTES) continue;
    files.push({ dossier: Number(m[1]), original: originalNameOf(m[2]!), load: () => zip.read(entry, MAX_ATTACHMENT_BYTES) });
  }
  return makeStore(files);
}

export const EMPTY_STORE: AttachmentStore = { size: 0, names: () => [], read: async () => undefined };
