/**
 * A closed list of values with their French labels, defined once and used by
 * the zod schemas, the pages, the facets, the ingestion mapping and the
 * open-data exports.
 */
export interface EnumOption<V extends string = string> {
  /** Stable identifier written in the content files (ASCII, kebab-case). */
  readonly value: V;
  /** French label shown to readers. */
  readonly label: string;
  /** Longer French explanation, when the label alone is not enough. */
  readonly description?: string;
  /** The exact option string of the Démarches Simplifiées form, when there is one. */
  readonly dsOption?: string;
}

export interface LabelledEnum<V extends string> {
  readonly values: readonly [V, ...V[]];
  readonly options: readonly EnumOption<V>[];
  label(value: V): string;
  option(value: V): EnumOption<V>;
  /** Finds the value whose DS option string matches (after normalisation). */
  fromDsOption(text: string): V | undefined;
}

/** Normalises a label for comparison: NFC, typographic apostrophes, collapsed spaces. */
export function normaliseLabel(text: string): string {
  return text.normalize('NFC').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ').trim();
}

export function defineEnum<const V extends string>(
  options: readonly [EnumOption<V>, ...EnumOption<V>[]],
): LabelledEnum<V> {
  const byValue = new Map(options.map((o) => [o.value, o]));
  if (byValue.size !== options.length) throw new Error('defineEnum: duplicate value');
  const byDs = new Map(
    options.filter((o) => o.dsOption).map((o) => [normaliseLabel(o.dsOption!), o.value]),
  );
  const values = options.map((o) => o.value) as unknown as readonly [V, ...V[]];
  return {
    values,
    options,
    option(value) {
      const found = byValue.get(value);
      if (!found) throw new Error(`Unknown value "${value}"`);
      return found;
    },
    label(value) {
      return this.option(value).label;
    },
    fromDsOption(text) {
      return byDs.get(normaliseLabel(text));
    },
  };
}
