/** The built pages, parsed with parse5, for the static quality gates. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type DefaultTreeAdapterMap } from 'parse5';

export type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

export interface BuiltPage {
  /** URL path (`/solutions/plume/`, `/404.html`). */
  route: string;
  file: string;
  html: string;
  document: DefaultTreeAdapterMap['document'];
}

export function htmlFiles(dist: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.html') ? [path.join(dir, e.name)] : [],
    );
  return walk(dist).sort();
}

export function routeOf(dist: string, file: string): string {
  const rel = path.relative(dist, file).split(path.sep).join('/');
  return rel.endsWith('index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

export function loadPages(dist: string): BuiltPage[] {
  return htmlFiles(dist).map((file) => {
    const html = readFileSync(file, 'utf8');
    return { route: routeOf(dist, file), file, html, document: parse(html) };
  });
}

export function* elements(node: Node): Generator<Element> {
  if ('tagName' in node) yield node as Element;
  const children = 'childNodes' in node ? node.childNodes : [];
  for (const child of children) yield* elements(child as Node);
  if ('content' in node && node.content) yield* elements(node.content as unknown as Node);
}

export const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

export function text(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return ('childNodes' in node ? node.childNodes : []).map((c) => text(c as Node)).join('');
}

export const byTag = (page: BuiltPage, tag: string) => [...elements(page.document)].filter((e) => e.tagName === tag);
