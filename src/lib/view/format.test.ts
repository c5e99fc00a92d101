import { describe, expect, it } from 'vitest';
import { formatDate, formatEuros, formatNumber, formatQuantity, hasAllWords, plural, relativeChange } from './format.ts';

// Intl writes narrow no-break spaces (U+202F) as French thousands separators.
const nb = (s: string) => s.replace(/ /g, '\u202f');

describe('French formatting', () => {
  it('formats numbers the French way', () => {
    expect(formatNumber(12345.678)).toBe(nb('12 345,68'));
    expect(formatNumber(0.2)).toBe('0,2');
  });
  it('formats euros without decimals, excluding VAT', () => {
    expect(formatEuros(15000)).toBe(`${nb('15 000')}\u00a0€ HT`);
  });
  it('formats dates in long French form, in UTC', () => {
    expect(formatDate(new Date('2025-06-02T00:00:00Z'))).toBe('2 juin 2025');
    expect(formatDate(new Date('2019-07-01T00:00:00Z'))).toBe('1 juillet 2019');
  });
  it('joins a value and its unit with a narrow no-break space', () => {
    expect(formatQuantity(4.5, 'jours')).toBe('4,5\u202fjours');
    expect(formatQuantity(62, '%')).toBe('62\u202f%');
  });
  it('uses the French singular for 0 and 1', () => {
    expect(plural(0, 'lauréat')).toBe('0 lauréat');
    expect(plural(1, 'lauréat')).toBe('1 lauréat');
    expect(plural(2, 'jour-homme', 'jours-homme')).toBe('2 jours-homme');
  });
  it('computes the relative change', () => {
    expect(relativeChange(12, 3)).toBe('−75\u202f%');
    expect(relativeChange(9, 31)).toBe('+244\u202f%');
    expect(relativeChange(10, 10)).toBe('stable');
    expect(relativeChange(undefined, 3)).toBeUndefined();
    expect(relativeChange(0, 3)).toBeUndefined();
  });
});

describe('hasAllWords', () => {
  it('matches every word typed, case and accents aside', () => {
    expect(hasAllWords('Sentinelle — Détection des fraudes', 'detection SENTIN')).toBe(true);
    expect(hasAllWords('Sentinelle', 'sentinelle plume')).toBe(false);
    expect(hasAllWords('Sentinelle', '   ')).toBe(false);
  });
});
