/**
 * Sharing images (Open Graph, 1200 × 630 PNG) drawn at build time with sharp:
 * the solution's name, its submitter and its category, in the DSFR's colours
 * and typeface (Marianne).
 *
 * Pango, which draws sharp's text, needs the font as TrueType: the DSFR ships
 * Marianne as WOFF2 only, so it is decompressed once (wawoff2) into the cache.
 * Images are cached by the hash of what they show: a rebuild redraws only
 * the laureates that changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp, { type OutputInfo, type OverlayOptions } from 'sharp';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Budget of one image, in bytes (social networks and slow connections). */
export const CARD_MAX_BYTES = 100_000;
/** Bump when the drawing changes: cached images are then redrawn. */
const DRAWING_VERSION = 4;

const BLUE_FRANCE = '#000091';
const RED_MARIANNE = '#e1000f';
const GREY_TEXT = '#3a3a3a';
const BLUE_LIGHT = '#e3e3fd';

export interface CardContent {
  /** The big line: the solution's name (or the page's title). */
  title: string;
  /** The line below: who carries it. */
  subtitle?: string;
  /** A short label above the title: the category, the call. */
  tag?: string;
  /** Shows « Fiche de démonstration ». */
  demo?: boolean;
  /** The site's host, printed at the bottom. */
  host: string;
}

/** Where cached fonts and images live: beside Astro's own cache. */
export function cardCacheDir(): string {
  return path.resolve(process.env.CATALOGUE_CACHE_DIR ?? 'node_modules/.astro', 'partage');
}

function writeAtomically(file: string, data: Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

let fontsReady: Promise<{ regular: string; bold: string }> | undefined;

/** Marianne Regular and Bold as TrueType files in the cache. */
function fonts(): Promise<{ regular: string; bold: string }> {
  fontsReady ??= (async () => {
    const dir = path.join(cardCacheDir(), 'fonts');
    mkdirSync(dir, { recursive: true });
    const require = createRequire(import.meta.url);
    const dsfr = path.dirname(require.resolve('@gouvfr/dsfr/package.json'));
    const out: Record<string, string> = {};
    for (const [key, name] of [['regular', 'Marianne-Regular'], ['bold', 'Marianne-Bold']] as const) {
      const ttf = path.join(dir, `${name}.ttf`);
      if (!existsSync(ttf)) {
        const { decompress } = await import('wawoff2');
        writeAtomically(ttf, await decompress(readFileSync(path.join(dsfr, 'dist/fonts', `${name}.woff2`))));
      }
      out[key] = ttf;
    }
    return out as { regular: string; bold: string };
  })();
  return fontsReady;
}

/** Escapes text for Pango markup. */
export function pangoEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Shortens a text to `max` characters on a word boundary, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

interface TextLayer {
  data: Buffer;
  width: number;
  height: number;
}

/** Draws text (Pango markup) as an uncompressed RGBA layer, wrapped at `width`. */
async function text(markup: string, fontfile: string, font: string, width: number, spacing = 6): Promise<TextLayer> {
  const { data, info } = await sharp({ text: { text: markup, font, fontfile, width, rgba: true, dpi: 72, wrap: 'word', spacing } })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Keeps the first `height` pixels of a layer (rows are contiguous in raw RGBA). */
const crop = (t: TextLayer, height: number): TextLayer =>
  t.height <= height ? t : { ...t, height, data: t.data.subarray(0, t.width * 4 * height) };

const layer = (t: TextLayer, top: number, left: number): OverlayOptions => ({
  input: t.data,
  raw: { width: t.width, height: t.height, channels: 4 },
  top,
  left,
});

const LEFT = 80;
const TEXT_WIDTH = CARD_WIDTH - 2 * LEFT;

const TEXT_TOP = 180;
/** The title and subtitle block ends above the host line. */
const BLOCK_MAX_HEIGHT = CARD_HEIGHT - 76;

const backgrounds = new Map<string, Promise<{ data: Buffer; info: OutputInfo }>>();

/**
 * The parts cards share — page, tricolour band, brand, site name, host, and
 * the tag (category or call, demo mention) — drawn once per host and tag.
 */
function background(host: string, tag: string | undefined) {
  const key = `${host}\n${tag ?? ''}`;
  let found = backgrounds.get(key);
  if (!found) {
    found = (async () => {
      const f = await fonts();
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}">
  <rect width="100%" height="100%" fill="#ffffff"/>
  <rect x="0" y="0" width="${CARD_WIDTH}" height="12" fill="${BLUE_FRANCE}"/>
  <rect x="0" y="${CARD_HEIGHT - 12}" width="400" height="12" fill="${BLUE_FRANCE}"/>
  <rect x="800" y="${CARD_HEIGHT - 12}" width="400" height="12" fill="${RED_MARIANNE}"/>
  <rect x="0" y="${CARD_HEIGHT - 13}" width="${CARD_WIDTH}" height="1" fill="#dddddd"/>
</svg>`;
      const brand = await text(`<span foreground="${BLUE_FRANCE}" weight="bold" letter_spacing="1024">RÉPUBLIQUE\nFRANÇAISE</span>`, f.bold, 'Marianne 22', 400, 0);
      const site = await text(`<span foreground="${GREY_TEXT}">Catalogue des lauréats IA de l’État</span>`, f.regular, 'Marianne 24', 560);
      const hostText = await text(`<span foreground="${GREY_TEXT}">${pangoEscape(host)}</span>`, f.regular, 'Marianne 22', TEXT_WIDTH);
      const layers = [layer(brand, 56, LEFT), layer(site, 66, 300), layer(hostText, CARD_HEIGHT - 64, LEFT)];
      if (tag) {
        const label = await text(`<span foreground="${BLUE_FRANCE}" weight="bold">${pangoEscape(truncate(tag, 70))}</span>`, f.bold, 'Marianne 22', TEXT_WIDTH - 40);
        layers.push({ input: tagShape(Math.min(TEXT_WIDTH, label.width + 40)), top: TEXT_TOP, left: LEFT }, layer(label, TEXT_TOP + 9, LEFT + 20));
      }
      return sharp(Buffer.from(svg)).composite(layers).raw().toBuffer({ resolveWithObject: true });
    })();
    backgrounds.set(key, found);
  }
  return found;
}

function tagShape(width: number): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="44"><rect width="${width}" height="44" rx="22" fill="${BLUE_LIGHT}"/></svg>`,
  );
}

/** The title (bold, two lines at 64 px or three at 44 px) and the subtitle, as one Pango layout. */
function textBlock(card: CardContent, titleSize: number): string {
  const title = `<span foreground="${BLUE_FRANCE}" weight="bold" size="${titleSize * 1024}">${pangoEscape(truncate(card.title, 90))}</span>`;
  if (!card.subtitle) return title;
  return `${title}\n<span size="${10 * 1024}"> </span>\n<span foreground="${GREY_TEXT}" weight="normal" size="${32 * 1024}">${pangoEscape(truncate(card.subtitle, 56))}</span>`;
}

/**
 * Draws a card: the shared background (cached), one text layer, an opaque PNG
 * (about 40 KB; a palette PNG is smaller but takes twice as long to encode).
 */
export async function drawCard(card: CardContent): Promise<Buffer> {
  const f = await fonts();
  const tag = [card.tag, card.demo ? 'Fiche de démonstration' : undefined].filter(Boolean).join(' · ') || undefined;
  const base = await background(card.host, tag);
  const top = tag ? TEXT_TOP + 72 : TEXT_TOP;
  // Both faces are registered by the background: the layout mixes bold and regular.
  let block = await text(textBlock(card, 64), f.bold, 'Marianne 32', TEXT_WIDTH);
  if (block.height > (card.subtitle ? 260 : 200)) block = await text(textBlock(card, 44), f.bold, 'Marianne 32', TEXT_WIDTH);
  return sharp(base.data, { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } })
    .composite([layer(crop(block, BLOCK_MAX_HEIGHT - top), top, LEFT)])
    .removeAlpha()
    .png({ compressionLevel: 6 })
    .toBuffer();
}

const cardKey = (card: CardContent) => createHash('sha256').update(JSON.stringify({ v: DRAWING_VERSION, card })).digest('hex').slice(0, 32);
const cardFile = (key: string) => path.join(cardCacheDir(), 'images', `${key}.png`);

/** Draws a card into the cache unless it is there; checks the budget. */
async function ensureCard(card: CardContent): Promise<string> {
  const file = cardFile(cardKey(card));
  if (existsSync(file)) return file;
  const png = await drawCard(card);
  if (png.length > CARD_MAX_BYTES) {
    throw new Error(`Image de partage « ${card.title} » : ${png.length} octets, au-delà du budget de ${CARD_MAX_BYTES}.`);
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeAtomically(file, png);
  return file;
}

const pending = new Map<string, Promise<string>>();

/**
 * Starts drawing every card that is not cached yet, a few at a time (Astro
 * renders one route after the other; sharp works on every core): the route
 * calls it from getStaticPaths, then each page awaits its own image.
 */
export function prepareCards(cards: readonly CardContent[], concurrency = 4): void {
  const queue = cards.filter((c) => !pending.has(cardKey(c)));
  const starts = new Map<string, () => void>();
  for (const card of queue) {
    const key = cardKey(card);
    pending.set(key, new Promise<void>((resolve) => starts.set(key, resolve)).then(() => ensureCard(card)));
  }
  const keys = [...starts.keys()];
  const next = async (): Promise<void> => {
    const key = keys.shift();
    if (!key) return;
    starts.get(key)!();
    await pending.get(key)!.catch(() => undefined);
    return next();
  };
  for (let i = 0; i < concurrency; i++) void next();
}

/** The PNG of a card: from the cache, or drawn now. */
export async function cardImage(card: CardContent): Promise<Buffer> {
  const key = cardKey(card);
  let job = pending.get(key);
  if (!job) {
    job = ensureCard(card);
    pending.set(key, job);
  }
  return readFileSync(await job);
}
