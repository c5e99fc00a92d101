/**
 * Astro's sharp image service, with one change: an image it cannot optimise
 * stops the build instead of being published as it is (Astro's service
 * falls back to the original bytes with a warning, which would hand a
 * decompression bomb or a broken file to every visitor's browser). The
 * validator refuses such files first (src/lib/image-limits.ts); this is the
 * last line, with the same pixel bound.
 */
import type { LocalImageService } from 'astro';
import sharpService from 'astro/assets/services/sharp';

const service: LocalImageService = {
  ...sharpService,
  async transform(input, options, config, logger) {
    const result = await sharpService.transform(input, options, config, logger);
    const src = String(options.src);
    if (result.data === input && result.format !== 'svg') {
      throw new Error(`${src} : l’image n’a pas pu être optimisée (format ${result.format}) : elle n’est pas publiée telle quelle — vérifiez le fichier avec npm run validate`);
    }
    return result;
  },
};

export default service;
