import { describe, expect, it } from 'vitest';
import { compareLaureates } from './order.ts';

const items = [
  { name: 'Écho', date: '2025-05-28' },
  { name: 'alpha', date: '2019-07-17' },
  { name: 'Delta', date: '2025-05-28' },
];

describe('compareLaureates', () => {
  it('puts the most recent selection first, then names in French order', () => {
    expect([...items].sort(compareLaureates('recent')).map((i) => i.name)).toEqual(['Delta', 'Écho', 'alpha']);
  });
  it('sorts by name, accents and case aside', () => {
    expect([...items].sort(compareLaureates('nom')).map((i) => i.name)).toEqual(['alpha', 'Delta', 'Écho']);
  });
});
