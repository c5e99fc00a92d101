/**
 * Brotli and gzip copies of the site's text files, written beside them at build time (`x.css.br`,
 * `x.css.gz`), which nginx serves as they are (`brotli_static`, `gzip_static`): no compression at
 * request time, and the strongest settings, once.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { COMPRESSIBLE } from './types.ts';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Below this size the copies would save less than a network packet's headers. */
export const MIN_COMPRESS_BYTES = 512;

/**
 * Brotli's quality: the strongest (11) for the assets every page loads (the site's scripts and the
 * DSFR, a few dozen files); 5 for the rest — pages, data, the editing interface's 5 MB script —
 * whose count grows with the catalogue: still smaller than gzip's best, at a few milliseconds a
 * page (11 took 14 s for the editing interface's script alone).
 */
export const brotliQuality = (relative: string) => (/^(_astro|dsfr)\//.test(relative) ? constants.BROTLI_MAX_QUALITY : 5);

/** Writes the .br and .gz of every compressible file under `dist` (a copy no smaller than the file is not written); returns the count of files. */
export async function precompress(dist: string, { concurrency = 4 } = {}): Promise<{ files: number; bytes: number; brotliBytes: number }> {
  const entries = await readdir(dist, { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile() && COMPRESSIBLE.has(path.extname(e.name).toLowerCase()))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.includes(`${path.sep}_serveur${path.sep}`));
  let bytes = 0;
  let brotliBytes = 0;
  let done = 0;
  let next = 0;
  const work = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      const body = await readFile(file);
      if (body.length < MIN_COMPRESS_BYTES) continue;
      const [br, gzipped] = await Promise.all([
        brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality(path.relative(dist, file).split(path.sep).join('/')), [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
        gz(body, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      if (br.length < body.length) await writeFile(`${file}.br`, br);
      if (gzipped.length < body.length) await writeFile(`${file}.gz`, gzipped);
      bytes += body.length;
      brotliBytes += Math.min(br.length, body.length);
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, work));
  return { files: done, bytes, brotliBytes };
}
