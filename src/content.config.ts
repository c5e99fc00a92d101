/**
 * The content collections. Each schema is defined once in src/schemas/ and
 * shared with the standalone validator (src/lib/validation/), which also runs
 * the cross-entry checks before every build.
 */
import { defineCollection } from 'astro:content';
import type { z } from 'astro/zod';
import { glob } from 'astro/loaders';
import { callSchema } from './schemas/call.ts';
import { laureateSchema } from './schemas/laureate.ts';
import { pageSchema } from './schemas/page.ts';
import { categorySchema, thematicSchema } from './schemas/taxonomy-schema.ts';
import { CATEGORIES, THEMATICS } from './schemas/taxonomy.ts';
import { relativeImagePath } from './schemas/common.ts';
import { CONTENT_DIR, PATTERNS, slugFromPath } from './lib/content-paths.ts';

const byFileName = ({ entry }: { entry: string }) => slugFromPath(entry);

const laureateSchemas = new Map<string, unknown>();

/**
 * The laureate schema, built once rather than for each entry: Astro calls a collection's schema
 * function once per entry, and building the whole schema took ≈ 9 ms each (46 s of content sync at
 * 5,000 laureates). Reusing it is sound because image paths must be relative (`./…`, as the
 * validator also requires): for those, the content layer's `image()` gives the same result whatever
 * the entry. The schema is cached per kind of helper, recognised by what it makes of a probe path
 * (the content layer's marks the path as an image import; the types generator's leaves it as it is);
 * a helper whose parse is asynchronous (Astro's legacy collections) is never cached.
 */
function cachedLaureateSchema<I extends z.ZodType>(image: () => I) {
  // Astro types its helper as producing image metadata from any input; it reads a string.
  const relativeImage = () => relativeImagePath().pipe(image() as unknown as z.ZodType<z.output<I>, string>);
  type Schema = ReturnType<typeof laureateSchema<ReturnType<typeof relativeImage>>>;
  let kind: string | undefined;
  try {
    const probe = image().safeParse('./sonde.png');
    if (probe.success && typeof probe.data === 'string') kind = probe.data;
  } catch {
    // An asynchronous transform: built for this entry alone.
  }
  if (kind === undefined) return laureateSchema(relativeImage);
  let schema = laureateSchemas.get(kind) as Schema | undefined;
  if (!schema) laureateSchemas.set(kind, (schema = laureateSchema(relativeImage)));
  return schema;
}

export const collections = {
  calls: defineCollection({
    loader: glob({ base: `${CONTENT_DIR}/calls`, pattern: [...PATTERNS.calls], generateId: byFileName }),
    schema: callSchema,
  }),
  laureates: defineCollection({
    loader: glob({ base: `${CONTENT_DIR}/laureates`, pattern: [...PATTERNS.laureates], generateId: byFileName }),
    schema: ({ image }) => cachedLaureateSchema(image),
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
