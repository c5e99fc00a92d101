import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const pages = defineCollection({
  loader: glob({ pattern: '*.md', base: process.env.BENCH_CONTENT_DIR ?? './content' }),
  schema: z.object({ title: z.string() }),
});

export const collections = { pages };
