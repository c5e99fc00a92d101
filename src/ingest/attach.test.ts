import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { attachFiles, type AttachContext } from './attach.ts';
import type { Warning } from './map.ts';
import { createWriter, sha256 } from './write.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function context(files: Record<string, Buffer>, previous?: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), 'attach-'));
  dirs.push(root);
  const warnings: Warning[] = [];
  const writer = createWriter();
  const ctx: AttachContext = {
    dossier: 7,
    call: 'solutions-ia-2025',
    slug: 'plume',
    name: 'Plume',
    laureateDir: path.join(root, 'content'),
    publicDir: path.join(root, 'public'),
    store: { size: Object.keys(files).length, names: () => Object.keys(files), read: async (_d, name) => files[name], why: (_d, name) => (name === 'expiree.png' ? 'adresse expirée' : undefined) },
    previous,
    relative: (f) => path.relative(root, f),
    writer,
    dryRun: false,
    warn: (w) => warnings.push(w),
  };
  return { root, ctx, warnings, writer };
}

describe('the attach step', () => {
  it('keeps real images (SVG drawn as PNG) and a real PDF, refuses the rest, says why', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>');
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000091' } }).png().toBuffer();
    const { ctx, warnings, writer, root } = context({ 'logo.svg': svg, 'capture.png': png, 'faux.pdf': Buffer.from('<html>') });
    const out = await attachFiles(ctx, { logo: 'logo.svg', screenshots: ['capture.png', 'expiree.png'], brochure: 'faux.pdf' });
    await writer.flush();
    expect(out.logo).toEqual({ src: './images/plume-logo.png', alt: 'Logo de Plume' });
    expect(out.screenshots).toEqual([{ src: './images/plume-capture-1.png', alt: 'Capture d’écran 1 de Plume' }]);
    expect(out.brochure).toBeUndefined();
    const logo = readFileSync(path.join(root, 'content/images/plume-logo.png'));
    expect(logo.subarray(1, 4).toString()).toBe('PNG');
    expect(logo.includes(Buffer.from('script'))).toBe(false);
    expect(warnings).toEqual(
      expect.arrayContaining([
        { field: 'logo', message: '« logo.svg » : SVG converti en PNG' },
        { field: 'screenshots.1', message: 'pièce jointe « expiree.png » adresse expirée' },
        { field: 'brochure', message: '« faux.pdf » refusé : ce n’est pas un PDF (type lu dans son contenu)' },
      ]),
    );
  });

  it('never overwrites a file an editor changed since the last run', async () => {
    const pdf = Buffer.from('%PDF-1.7 nouvelle');
    const { ctx, warnings, writer, root } = context({ 'b.pdf': pdf });
    const target = path.join(root, 'public/documents/solutions-ia-2025/plume-brochure.pdf');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, 'édité à la main');
    const key = path.relative(root, target);
    ctx.previous = { [key]: sha256(Buffer.from('%PDF-1.7 ancienne')) };
    const out = await attachFiles(ctx, { screenshots: [], brochure: 'b.pdf' });
    await writer.flush();
    expect(readFileSync(target, 'utf8')).toBe('édité à la main');
    expect(out.files[key]).toBe(ctx.previous[key]);
    expect(warnings).toContainEqual({ field: key, message: 'fichier modifié par un éditeur : conservé' });
  });
});
