import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const pages = defineCollection({
  loader: glob({ pattern: '*.md', base: process.env.BENCH_CONTENT_DIR ?? './content' }),
  // The same logo as the laureate's, through astro:assets, so that both builds optimise the same images.
  schema: ({ image }) => z.object({ title: z.string(), logo: z.object({ src: image(), alt: z.string() }) }),
});

export const collections = { pages };
