/**
 * The content collections. Each schema is defined once in src/schemas/ and
 * shared with the standalone validator (src/lib/validation/), which also runs
 * the cross-entry checks before every build.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { callSchema } from './schemas/call.ts';
import { laureateSchema } from './schemas/laureate.ts';
import { pageSchema } from './schemas/page.ts';
import { categorySchema, thematicSchema } from './schemas/taxonomy-schema.ts';
import { CATEGORIES, THEMATICS } from './schemas/taxonomy.ts';
import { CONTENT_DIR, PATTERNS, slugFromPath } from './lib/content-paths.ts';

const byFileName = ({ entry }: { entry: string }) => slugFromPath(entry);

export const collections = {
  calls: defineCollection({
    loader: glob({ base: `${CONTENT_DIR}/calls`, pattern: [...PATTERNS.calls], generateId: byFileName }),
    schema: callSchema,
  }),
  laureates: defineCollection({
    loader: glob({ base: `${CONTENT_DIR}/laureates`, pattern: [...PATTERNS.laureates], generateId: byFileName }),
    schema: ({ image }) => laureateSchema(image),
  }),
  pages: defineCollection({
    loader: glob({ base: `${CONTENT_DIR}/pages`, pattern: [...PATTERNS.pages], generateId: byFileName }),
    schema: pageSchema,
  }),
  categories: defineCollection({
    loader: () => CATEGORIES.map((c) => ({ id: c.slug, ...c })),
    schema: categorySchema,
  }),
  thematics: defineCollection({
    loader: () => THEMATICS.map((t) => ({ id: t.slug, ...t })),
    schema: thematicSchema,
  }),
};
