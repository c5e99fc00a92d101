/** Field types shared by the catalogue's schemas. */
import { z } from 'astro/zod';

/** A calendar date: YAML dates (parsed as Date) or `AAAA-MM-JJ` strings. */
export const isoDate = () =>
  z
    .union([z.date(), z.iso.date().transform((s) => new Date(`${s}T00:00:00Z`))])
    .refine((d) => !Number.isNaN(d.getTime()), { message: 'date invalide' });

/** An absolute web address (http or https only: no `javascript:`, `data:`…). */
export const webUrl = () =>
  z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'adresse web invalide (attendu : https://…)' });

/** A link that may also point inside the site (`/documents/…`). */
export const siteOrWebUrl = () =>
  z.union([webUrl(), z.string().regex(/^\/(?!\/)[^\s]*$/, 'chemin interne invalide')], {
    error: 'adresse invalide (attendu : https://… ou un chemin du site commençant par /)',
  });

export const nonEmptyText = () => z.string().trim().min(1, 'texte vide');

const IMAGE_EXTENSIONS = /\.(png|jpe?g|webp|avif|gif|tiff?)$/i;

/** Outside Astro (validator, editing interface), an image field is a path to a raster file next to the entry. */
export const relativeImagePath = () =>
  z
    .string()
    .min(1)
    .regex(/^\.{1,2}\//, 'chemin relatif attendu (ex. « ./images/logo.png »)')
    .regex(IMAGE_EXTENSIONS, 'format d’image non pris en charge (attendu : png, jpg, webp ou avif)');

/** A call's identifier: the name of its file in content/calls/ (lower case, digits, single hyphens). */
export const CALL_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const callId = () => z.string().regex(CALL_SLUG_PATTERN, 'identifiant d’appel attendu (ex. « solutions-ia-2025 »)');

/** A cited public source; `date` builds its date field (content dates, or ISO strings in the open data). */
export const sourceSchemaWith = <D extends z.ZodType>(date: () => D) =>
  z
    .strictObject({
      title: nonEmptyText().describe('Titre de la source, tel que publié.'),
      url: webUrl().optional().describe('Adresse de la source, quand elle est publique en ligne.'),
      publisher: nonEmptyText().optional().describe('Éditeur de la source (ex. « numerique.gouv.fr »).'),
      date: date().optional().describe('Date de publication de la source (AAAA-MM-JJ).'),
    })
    .describe('Une source publique citée.');

export const sourceSchema = sourceSchemaWith(isoDate);

/**
 * Checks a SIREN (9 digits) or SIRET (14 digits) with the Luhn key, including
 * La Poste's SIRET exception (SIREN 356000000: sum of digits divisible by 5).
 */
export function isValidSirenOrSiret(raw: string): boolean {
  const digits = raw.replace(/\s/g, '');
  if (!/^(\d{9}|\d{14})$/.test(digits)) return false;
  if (digits.length === 14 && digits.startsWith('356000000') && digits !== '35600000000048') {
    return [...digits].reduce((s, d) => s + Number(d), 0) % 5 === 0;
  }
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}
