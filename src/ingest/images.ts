/**
 * Attachments become publishable files: the type is read from the bytes,
 * anything that is not a real image is refused, an SVG is rasterised (never
 * published as is), large images are resized, metadata (EXIF, GPS) stripped.
 */
import sharp from 'sharp';

export const LOGO_MAX = 512;
export const SCREENSHOT_MAX = 1600;
/** Refuse decompression bombs: more pixels than a large screenshot could need. */
const MAX_INPUT_PIXELS = 40_000_000;
const RASTER = new Set(['png', 'jpeg', 'webp', 'gif', 'avif', 'tiff', 'heif']);

export type ImageResult =
  | { ok: true; bytes: Buffer; ext: 'png' | 'jpg'; width: number; height: number; notes: string[] }
  | { ok: false; reason: string };

export async function processImage(input: Buffer, kind: 'logo' | 'screenshot'): Promise<ImageResult> {
  let format: string | undefined;
  let width = 0;
  let height = 0;
  try {
    const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    format = meta.format;
    width = meta.width ?? 0;
    height = meta.height ?? 0;
  } catch {
    return { ok: false, reason: 'le fichier n’est pas une image lisible (type lu dans son contenu, pas dans son nom)' };
  }
  if (!format || (format !== 'svg' && !RASTER.has(format)) || width === 0 || height === 0) {
    return { ok: false, reason: `format « ${format ?? 'inconnu'} » refusé : images PNG, JPEG, WebP, GIF ou SVG seulement` };
  }
  const notes: string[] = [];
  const max = kind === 'logo' ? LOGO_MAX : SCREENSHOT_MAX;
  try {
    // SVG: librsvg draws it; scripts and external references are never executed or fetched.
    let pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, density: format === 'svg' ? 144 : undefined, animated: false }).rotate();
    if (format === 'svg') notes.push('SVG converti en PNG');
    if (width > max || height > max) {
      pipeline = pipeline.resize({ width: max, height: max, fit: 'inside', withoutEnlargement: true });
      notes.push(`redimensionnée de ${width}×${height} px`);
    }
    const keepAlpha = kind === 'logo' || format === 'svg' || format === 'png' || format === 'webp' || format === 'gif';
    const { data, info } = keepAlpha
      ? await pipeline.png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true })
      : await pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer({ resolveWithObject: true });
    return { ok: true, bytes: data, ext: keepAlpha ? 'png' : 'jpg', width: info.width, height: info.height, notes };
  } catch (error) {
    return { ok: false, reason: `image illisible (${(error as Error).message.split('\n')[0]})` };
  }
}

/** A PDF starts with `%PDF-`; anything else is not published as a brochure. */
export function isPdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-';
}
