/**
 * Attachments become publishable files: the type is read from the bytes,
 * anything that is not a real image is refused, an SVG is rasterised (never
 * published as is), large images are resized, metadata (EXIF, GPS) stripped.
 */
import sharp from 'sharp';
import { MAX_IMAGE_PIXELS, checkImage, imageRefusal } from '../lib/image-limits.ts';

export const LOGO_MAX = 512;
export const SCREENSHOT_MAX = 1600;
const ACCEPTED = new Set(['png', 'jpeg', 'webp', 'gif', 'avif', 'tiff', 'heif', 'svg']);

export type ImageResult =
  | { ok: true; bytes: Buffer; ext: 'png' | 'jpg'; width: number; height: number; notes: string[] }
  | { ok: false; reason: string };

export async function processImage(input: Buffer, kind: 'logo' | 'screenshot'): Promise<ImageResult> {
  // The same bounds as editors' images (dimensions from the header, then one bounded decode).
  const check = await checkImage(input, ACCEPTED);
  if (!check.ok) return { ok: false, reason: imageRefusal(check) };
  const { format, width, height } = check;
  const notes: string[] = [];
  const max = kind === 'logo' ? LOGO_MAX : SCREENSHOT_MAX;
  try {
    // SVG: librsvg draws it; scripts and external references are never executed or fetched.
    let pipeline = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, density: format === 'svg' ? 144 : undefined, animated: false }).rotate();
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
