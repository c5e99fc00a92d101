/**
 * A small element tree for markup that both the build and the browser draw
 * (the comparison table, the selection button): one description, rendered
 * to an HTML string at build time (`toHtml`, everything escaped) and to DOM
 * nodes in the browser (src/scripts/dom.ts, text only through textContent).
 */
export type Attrs = Record<string, string | number | boolean | undefined>;
export interface El {
  tag: string;
  attrs: Attrs;
  children: Child[];
}
export type Child = El | string;

type ChildArg = Child | Child[] | false | null | undefined;

export function h(tag: string, attrs: Attrs = {}, ...children: ChildArg[]): El {
  return { tag, attrs, children: children.flat().filter((c): c is Child => c !== false && c !== null && c !== undefined) };
}

const VOID = new Set(['br', 'input', 'img', 'hr']);

/** Addresses a link may carry: the site's own paths and fragments, web addresses. Anything else is a bug or an attack. */
export function safeHref(href: string): string {
  if (/^(\/(?!\/)|#|https?:\/\/)/i.test(href)) return href;
  throw new Error(`adresse refusée dans un lien : ${JSON.stringify(href)}`);
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** The attributes as they are set: `true` is a bare attribute, `false`/undefined are left out; `href` is checked. */
export function attributeEntries(attrs: Attrs): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`nom d’attribut refusé : ${name}`);
    const text = value === true ? '' : String(value);
    out.push([name, name === 'href' ? safeHref(text) : text]);
  }
  return out;
}

export function toHtml(node: Child): string {
  if (typeof node === 'string') return escapeText(node);
  if (!/^[a-z][a-z0-9]*$/.test(node.tag)) throw new Error(`élément refusé : ${node.tag}`);
  const attrs = attributeEntries(node.attrs)
    .map(([k, v]) => (v === '' && node.attrs[k] === true ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`))
    .join('');
  if (VOID.has(node.tag)) return `<${node.tag}${attrs}>`;
  return `<${node.tag}${attrs}>${node.children.map(toHtml).join('')}</${node.tag}>`;
}

/** JSON for a `<script type="application/json">` data block: nothing in it can close the element or open a comment. */
export const jsonForScript = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
