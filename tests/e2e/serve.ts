/** A minimal static server for dist/ on 127.0.0.1 (what a static host does). */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { contentTypeOf } from '../../src/lib/server/types.ts';

/** Resolves a URL path to a file of `root`, as a static host would; undefined when absent. */
export function resolveFile(root: string, urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  const file = path.join(root, clean);
  if (!file.startsWith(root)) return undefined;
  if (existsSync(file) && statSync(file).isFile()) return file;
  const index = path.join(file, 'index.html');
  if (existsSync(index)) return index;
  return undefined;
}

/** Serves `root`; with `gzip`, compresses text responses for clients that accept it (as a real host does). */
export function serve(root: string, { gzip = false } = {}): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const found = resolveFile(root, req.url ?? '/');
    const file = found ?? path.join(root, '404.html');
    const type = contentTypeOf(file);
    const compress = gzip && /text|javascript|json|xml|svg/.test(type) && /gzip/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(found ? 200 : 404, { 'content-type': type, ...(compress ? { 'content-encoding': 'gzip' } : {}) });
    const stream = createReadStream(file);
    if (compress) stream.pipe(createGzip()).pipe(res);
    else stream.pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}` });
    }),
  );
}
