import { describe, expect, it } from 'vitest';
import { cleanText, normaliseSiret, normaliseUrl, oneLine, parseDecimal, splitOptions, toPlainMarkdown } from './sanitise.ts';

describe('the sanitise step', () => {
  it('keeps applicant text as text: no HTML, no markdown structure, no live link', () => {
    expect(toPlainMarkdown('<script>alert(1)</script> **gras** [lien](javascript:x)')).toBe('\\<script\\>alert(1)\\</script\\> \\*\\*gras\\*\\* \\[lien\\](javascript:x)');
    expect(toPlainMarkdown('# titre\n- item\n1. un')).toBe('\\# titre\\\n\\- item\\\n1\\. un');
    expect(toPlainMarkdown('voir https://exemple.fr et www.exemple.fr')).toBe('voir https\\://exemple.fr et www\\.exemple.fr');
    expect(toPlainMarkdown('a\n\n\nb')).toBe('a\n\nb');
  });

  it('drops control and bidirectional characters, normalises line ends', () => {
    expect(cleanText(' a\u0000b\u202ec\r\nd \n')).toBe('abc\nd');
    expect(oneLine('a\n  b\t c')).toBe('a b c');
  });

  it('keeps only http(s) addresses, and says why it refuses one', () => {
    expect(normaliseUrl('exemple.fr/page')).toEqual({ ok: true, url: 'https://exemple.fr/page' });
    expect(normaliseUrl('javascript:alert(1)')).toMatchObject({ ok: false });
    expect(normaliseUrl('')).toBeUndefined();
  });

  it('checks a SIRET’s key, reads numbers as DS writes them, splits options that contain commas', () => {
    expect(normaliseSiret('850 338 104 00019')).toEqual({ ok: true, siret: '85033810400019' });
    expect(normaliseSiret('85033810400018')).toMatchObject({ ok: false });
    expect(parseDecimal('18 000')).toBe(18000);
    expect(parseDecimal('12,5')).toBe(12.5);
    expect(parseDecimal('douze')).toBeUndefined();
    expect(splitOptions('Bases de données vectorielles (RAG, API), Autre chose', ['Bases de données vectorielles (RAG, API)'])).toEqual({ known: ['Bases de données vectorielles (RAG, API)'], unknown: ['Autre chose'] });
  });
});
