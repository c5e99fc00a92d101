/**
 * The attachments step: a mapped laureate's logo, captures and brochure are
 * read from the store (ZIP export, extracted folder or API download), kept
 * only when they are what they claim (images.ts: type read from the bytes,
 * SVG rasterised, size bounded, metadata stripped; a brochure must be a PDF),
 * and written beside the fiche — never over a file an editor changed.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isPdf, processImage } from './images.ts';
import type { Warning } from './map.ts';
import type { AttachmentStore } from './read/attachments.ts';
import { sha256, type createWriter } from './write.ts';

export interface AttachContext {
  dossier: number;
  call: string;
  /** The fiche's slug and name: file names and alternative texts follow from them. */
  slug: string;
  name: string;
  laureateDir: string;
  publicDir: string;
  store: AttachmentStore;
  /** The hashes the manifest remembers of this dossier's files (by path from the root). */
  previous: Record<string, string> | undefined;
  relative(file: string): string;
  writer: ReturnType<typeof createWriter>;
  dryRun: boolean;
  warn(w: Warning): void;
}

export interface Attached {
  logo?: { src: string; alt: string };
  screenshots?: Array<{ src: string; alt: string }>;
  brochure?: { url: string; title: string; sizeKb: number };
  /** Hashes of the files written, for the manifest. */
  files: Record<string, string>;
}

const absent = (ctx: AttachContext, fileName: string) => `pièce jointe « ${fileName} » ${ctx.store.why?.(ctx.dossier, fileName) ?? 'absente de l’export des pièces justificatives'}`;

/** Writes a file unless an editor changed the one the last run wrote (then it is kept, and said). */
async function keep(ctx: AttachContext, files: Record<string, string>, target: string, bytes: Buffer): Promise<void> {
  const key = ctx.relative(target);
  const previous = ctx.previous?.[key];
  if (existsSync(target) && previous && sha256(readFileSync(target)) !== previous) {
    ctx.warn({ field: key, message: 'fichier modifié par un éditeur : conservé' });
    files[key] = previous;
    return;
  }
  files[key] = sha256(bytes);
  if (!ctx.dryRun && (!existsSync(target) || sha256(readFileSync(target)) !== files[key])) await ctx.writer.write(target, bytes);
}

async function image(ctx: AttachContext, files: Record<string, string>, fileName: string, kind: 'logo' | 'screenshot', stem: string, field: string): Promise<string | undefined> {
  const bytes = await ctx.store.read(ctx.dossier, fileName);
  if (!bytes) {
    ctx.warn({ field, message: absent(ctx, fileName) });
    return undefined;
  }
  const result = await processImage(bytes, kind);
  if (!result.ok) {
    ctx.warn({ field, message: `« ${fileName} » refusé : ${result.reason}` });
    return undefined;
  }
  result.notes.forEach((n) => ctx.warn({ field, message: `« ${fileName} » : ${n}` }));
  await keep(ctx, files, path.join(ctx.laureateDir, 'images', `${stem}.${result.ext}`), result.bytes);
  return `./images/${stem}.${result.ext}`;
}

async function brochure(ctx: AttachContext, files: Record<string, string>, fileName: string): Promise<Attached['brochure']> {
  const bytes = await ctx.store.read(ctx.dossier, fileName);
  if (!bytes) {
    ctx.warn({ field: 'brochure', message: absent(ctx, fileName) });
    return undefined;
  }
  if (!isPdf(bytes)) {
    ctx.warn({ field: 'brochure', message: `« ${fileName} » refusé : ce n’est pas un PDF (type lu dans son contenu)` });
    return undefined;
  }
  const name = `${ctx.slug}-brochure.pdf`;
  await keep(ctx, files, path.join(ctx.publicDir, 'documents', ctx.call, name), bytes);
  return { url: `/documents/${ctx.call}/${name}`, title: `Brochure technique de ${ctx.name}`, sizeKb: Math.max(1, Math.round(bytes.length / 1024)) };
}

export async function attachFiles(ctx: AttachContext, names: { logo?: string; screenshots: string[]; brochure?: string }): Promise<Attached> {
  const files: Record<string, string> = {};
  const out: Attached = { files };
  if (names.logo) {
    const src = await image(ctx, files, names.logo, 'logo', `${ctx.slug}-logo`, 'logo');
    if (src) out.logo = { src, alt: `Logo de ${ctx.name}` };
  }
  const screenshots: Array<{ src: string; alt: string }> = [];
  for (const [i, fileName] of names.screenshots.entries()) {
    const src = await image(ctx, files, fileName, 'screenshot', `${ctx.slug}-capture-${i + 1}`, `screenshots.${i}`);
    if (src) screenshots.push({ src, alt: `Capture d’écran ${i + 1} de ${ctx.name}` });
  }
  if (screenshots.length > 0) {
    out.screenshots = screenshots;
    ctx.warn({ field: 'screenshots', message: 'texte alternatif générique : décrivez ce que montre chaque capture' });
  }
  if (names.brochure) {
    const b = await brochure(ctx, files, names.brochure);
    if (b) out.brochure = b;
  }
  return out;
}
