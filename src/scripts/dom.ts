/** Draws an element tree of src/lib/view/markup.ts as DOM nodes: text through text nodes only, never innerHTML. */
import { attributeEntries, type Child } from '../lib/view/markup.ts';

export function toDom(node: Child): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  const el = document.createElement(node.tag);
  for (const [name, value] of attributeEntries(node.attrs)) el.setAttribute(name, value);
  for (const child of node.children) el.append(toDom(child));
  return el;
}
