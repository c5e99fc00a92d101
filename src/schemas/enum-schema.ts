/**
 * Zod enums that keep their French labels. `z.enum(X.values)` alone loses the
 * link to the labelled list, so every reader of the schema (editor guide,
 * open-data code lists, scaffold) had to find labels again by bare value —
 * and two lists sharing a value (`non-applicable` is a company size and an
 * RGAA level) got each other's labels. The labels travel with the schema
 * instead, keyed by its definition (shared by `.describe()`, `.optional()`…).
 * Kept apart from enum.ts, which browser code imports without zod.
 */
import { z } from 'astro/zod';
import type { LabelledEnum } from './enum.ts';

const LABELS = new WeakMap<object, ReadonlyMap<string, string>>();

/** The zod enum of a labelled list (taxonomy.ts), keeping its labels. */
export function enumOf<V extends string>(list: LabelledEnum<V>) {
  const schema = z.enum(list.values);
  LABELS.set(schema.def, new Map(list.values.map((v) => [v, list.label(v)])));
  return schema;
}

/** The labels of an enum schema built here (undefined for any other schema). */
export function enumLabels(schema: unknown): ReadonlyMap<string, string> | undefined {
  const def = (schema as { def?: object } | undefined)?.def;
  return def ? LABELS.get(def) : undefined;
}
