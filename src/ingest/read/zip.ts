/**
 * ZIP containers (XLSX, ODS, the attachments export) read with yauzl, entry
 * by entry: an XML entry is streamed into a SAX parser (saxes) as it is
 * inflated, so a large sheet is never held as one string or one DOM.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';
import { IngestError } from '../errors.ts';

export interface Zip {
  /** Entry names, in the archive's order. */
  names: string[];
  entry(name: string): yauzl.Entry | undefined;
  /** The bytes of an entry, refused above `maxBytes`. */
  read(entry: yauzl.Entry, maxBytes?: number): Promise<Buffer>;
  /** Streams an XML entry into SAX handlers; false when the entry is absent. */
  parseXml(name: string, handlers: XmlHandlers): Promise<boolean>;
}

export interface XmlHandlers {
  /** Element names are local (prefix removed), attributes keep their qualified names. */
  open?(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

export const localName = (qualified: string) => qualified.slice(qualified.indexOf(':') + 1);

type OpenStream = (entry: yauzl.Entry) => Promise<NodeJS.ReadableStream>;

/** Every entry of the central directory, by name (nothing decompressed yet). */
async function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

/** An entry's bytes, stopped as soon as they pass maxBytes. */
async function readEntry(open: OpenStream, entry: yauzl.Entry, maxBytes: number): Promise<Buffer> {
  const stream = await open(entry);
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    stream.on('data', (c: Buffer) => {
      total += c.length;
      if (total > maxBytes) (stream as unknown as { destroy(e: Error): void }).destroy(new Error('fichier trop volumineux'));
      else chunks.push(c);
    });
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

/** Streams an XML entry through a SAX parser (saxes): the handlers see each element as it comes. */
async function parseEntryXml(open: OpenStream, entry: yauzl.Entry, where: string, handlers: Parameters<Zip['parseXml']>[1]): Promise<void> {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  parser.on('opentag', (tag) => handlers.open?.(localName(tag.name), (tag as SaxesTagPlain).attributes, tag.isSelfClosing));
  if (handlers.close) parser.on('closetag', (tag) => handlers.close!(localName(tag.name)));
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const stream = await open(entry);
  // A streaming decoder: a multi-byte character split across two chunks stays whole.
  const decoder = new TextDecoder('utf-8');
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => reject(new IngestError(`${where} : XML illisible (${error.message.split('\n')[0]})`));
    parser.on('error', fail);
    stream.on('data', (chunk: Buffer) => {
      try {
        parser.write(decoder.decode(chunk, { stream: true }));
      } catch (error) {
        fail(error as Error);
      }
    });
    stream.on('end', () => {
      try {
        parser.write(decoder.decode());
        parser.close();
        resolve();
      } catch (error) {
        fail(error as Error);
      }
    });
    stream.on('error', fail);
  });
}

export async function openZip(bytes: Buffer, source: string): Promise<Zip> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, decodeStrings: true }, (err, z) => (err ? reject(err) : resolve(z!))),
  ).catch((error: Error) => {
    throw new IngestError(`${source} : archive ZIP illisible (${error.message})`);
  });
  const entries = await listEntries(zip);
  const open: OpenStream = (entry) =>
    new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err ?? new Error('flux absent')) : resolve(stream))),
    );
  return {
    names: [...entries.keys()],
    entry: (name) => entries.get(name),
    read: (entry, maxBytes = Infinity) => readEntry(open, entry, maxBytes),
    async parseXml(name, handlers) {
      const entry = entries.get(name);
      if (!entry) return false;
      await parseEntryXml(open, entry, `${source} › ${name}`, handlers);
      return true;
    },
  };
}
