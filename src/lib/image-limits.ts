/**
 * What an image must be before a visitor's browser is asked to decode it,
 * for editors' files (validator), DS attachments (ingestion) and the build
 * (image service): the same bounds, the same messages.
 *
 * Bounds: a decoded image costs 4 bytes a pixel in the browser. 40 MP
 * (160 MB decoded) is above an 8K screenshot (7,680 × 4,320 = 33 MP), the
 * largest a laureate could legitimately send; 10,000 px a side is above
 * any screen. A 30,000 × 30,000 PNG of 854 KB on disk would need 3.6 GB.
 * Dimensions are read from the file's header, without decoding; the file
 * is then decoded once, within the bound, to refuse what sharp cannot read.
 */
import sharp, { type Metadata } from 'sharp';

export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_SIDE = 10_000;
/** Above this, the check decodes through a shrink (memory), below it decodes in full (time). */
const LARGE_DECODE_PIXELS = 4_000_000;

export type ImageCheck =
  | { ok: true; format: string; width: number; height: number }
  | { ok: false; message: string; found: string; expected: string; hint: string };

const fr = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

/**
 * @param input the file's path or bytes
 * @param formats formats accepted (sharp's names: png, jpeg, webp, avif, gif, tiff, heif, svg)
 */
export async function checkImage(input: string | Buffer, formats: ReadonlySet<string>): Promise<ImageCheck> {
  let meta: Metadata;
  try {
    // Header only: metadata() does not decode the pixels.
    meta = await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    return {
      ok: false,
      message: 'le fichier n’est pas une image lisible',
      found: 'un fichier que la bibliothèque d’images ne reconnaît pas (type lu dans son contenu, pas dans son nom)',
      expected: `une image ${[...formats].join(', ')}`,
      hint: 'ouvrez le fichier dans un logiciel d’images et enregistrez-le en PNG ou JPEG',
    };
  }
  const format = meta.format ?? 'inconnu';
  if (!formats.has(format)) {
    return {
      ok: false,
      message: `format « ${format} » refusé`,
      found: `une image ${format}`,
      expected: `une image ${[...formats].join(', ')}`,
      hint: 'enregistrez l’image en PNG (logo, schéma) ou en JPEG (photo, capture)',
    };
  }
  const width = meta.width ?? 0;
  // An animated image stacks its frames: every frame is decoded.
  const height = (meta.pageHeight ?? meta.height ?? 0) * (meta.pages ?? 1);
  if (width === 0 || height === 0) {
    return { ok: false, message: 'image sans dimensions', found: `${width} × ${height} px`, expected: 'une image d’au moins 1 × 1 px', hint: 'enregistrez l’image à nouveau' };
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return {
      ok: false,
      message: `image trop grande pour être affichée sans risque : ${fr(width)} × ${fr(height)} px (${fr(Math.round((width * height) / 1e6))} mégapixels)`,
      found: `${fr(width)} × ${fr(height)} px`,
      expected: `au plus ${fr(MAX_IMAGE_SIDE)} px de côté et ${fr(MAX_IMAGE_PIXELS / 1e6)} mégapixels`,
      hint: 'réduisez l’image (2 400 px de large suffisent : le site produit lui-même les tailles utiles)',
    };
  }
  try {
    // A full decode is the cheapest for the usual sizes; a large image is shrunk while decoding to bound memory.
    const decode = sharp(input, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error', animated: true });
    if (width * height > LARGE_DECODE_PIXELS) decode.resize(1024, 1024, { fit: 'inside', kernel: 'nearest' });
    await decode.raw().toBuffer();
  } catch (error) {
    return {
      ok: false,
      message: 'image endommagée : elle ne peut pas être décodée',
      found: (error as Error).message.split('\n')[0]!,
      expected: 'une image complète et lisible',
      hint: 'exportez l’image à nouveau depuis son logiciel d’origine',
    };
  }
  return { ok: true, format, width, height };
}

/** The one-line form of a refusal, for the ingestion report and build errors. */
export function imageRefusal(check: Extract<ImageCheck, { ok: false }>): string {
  return `${check.message} (trouvé : ${check.found} ; attendu : ${check.expected}) — ${check.hint}`;
}
