/** Indexes a built site with Pagefind, as the catalogue's build does (the bench's baseline). */
import path from 'node:path';
import * as pagefind from 'pagefind';

const site = process.argv[2]!;
const { index } = await pagefind.createIndex({ forceLanguage: 'fr' });
if (!index) throw new Error('Pagefind : index non créé');
await index.addDirectory({ path: site });
await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
await pagefind.close();
