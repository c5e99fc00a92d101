import { describe, expect, it } from 'vitest';
import { MAX_SELECTION, changeMessage, compareHref, idsFromSearch, parseStored, serialiseStored, toggle } from './selection.ts';
import { selectionButton } from './selection-button.ts';
import { toHtml } from './view/markup.ts';

describe('the stored selection', () => {
  it('reads whatever localStorage holds as a clean list', () => {
    expect(parseStored(null)).toEqual([]);
    expect(parseStored('not json')).toEqual([]);
    expect(parseStored('{"ids":["a"]}')).toEqual([]);
    expect(parseStored('["plume","plume","<script>","Plume","../x","sentinelle",3]')).toEqual(['plume', 'sentinelle']);
    expect(parseStored(JSON.stringify(Array.from({ length: 50 }, (_, i) => `s${i}`)))).toHaveLength(MAX_SELECTION);
    expect(parseStored(serialiseStored(['a', 'b']))).toEqual(['a', 'b']);
  });
  it('adds at the end and removes', () => {
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('the comparison’s address', () => {
  it('names the fiches in order, and reads them back cleaned', () => {
    expect(compareHref(['plume', 'sentinelle'])).toBe('/comparer/?ids=plume,sentinelle');
    expect(compareHref([])).toBe('/comparer/');
    expect(idsFromSearch('?ids=plume,sentinelle')).toEqual(['plume', 'sentinelle']);
    expect(idsFromSearch('?ids=plume%2C%3Cimg%3E,,sentinelle')).toEqual(['plume', 'sentinelle']);
    expect(idsFromSearch('')).toBeUndefined();
    expect(idsFromSearch('?ids=')).toEqual([]);
  });
});

describe('the button and the message', () => {
  it('is a toggle button whose name says « sélection » and which fiche', () => {
    expect(toHtml(selectionButton('plume', 'Plume'))).toBe(
      '<button type="button" class="fr-btn fr-btn--sm fr-btn--secondary fr-btn--icon-left fr-icon-add-line bouton-selection" data-selection="plume" data-nom="Plume" aria-pressed="false">Ajouter à ma sélection<span class="fr-sr-only"> : Plume</span></button>',
    );
    expect(toHtml(selectionButton('plume', 'Plume', true))).toContain('aria-pressed="true">Retirer de ma sélection');
  });
  it('announces each change with the new count', () => {
    expect(changeMessage('Plume', true, 3)).toBe('Plume ajoutée à votre sélection. Votre sélection compte 3 solutions.');
    expect(changeMessage('Plume', false, 0)).toBe('Plume retirée de votre sélection. Votre sélection compte 0 solution.');
  });
});
