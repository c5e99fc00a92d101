import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToText, parisMidnight, readDate } from './dates.ts';

describe('readDate', () => {
  it.each([
    ['2025-06-12', '2025-06-12'],
    ['2025-06-12 16:04:51 +0200', '2025-06-12'],
    ['2025-06-12T16:04:51+02:00', '2025-06-12'],
    ['2025-06-12T16:04:51.123Z', '2025-06-12'],
    // 23:30 UTC on the 12th is the 13th in Paris.
    ['2025-06-12T23:30:00Z', '2025-06-13'],
    ['2025-06-12 23:30:00 +0000', '2025-06-13'],
    ['2025-06-12 16:04:51', '2025-06-12'],
    ['2025-06-12T16:04', '2025-06-12'],
    ['12/06/2025', '2025-06-12'],
    ['2/6/2025', '2025-06-02'],
    ['12/06/2025 16:04', '2025-06-12'],
    ['12/06/2025 16:04:51', '2025-06-12'],
    ['12.06.2025', '2025-06-12'],
    ['12 juin 2025', '2025-06-12'],
    ['jeudi 12 juin 2025 à 16h04', '2025-06-12'],
    ['1er février 2025', '2025-02-01'],
    ['45810.410972', '2025-06-02'],
    ['45810', '2025-06-02'],
    ['45810,5', '2025-06-02'],
    ['\u00a02025-06-12\u202f', '2025-06-12'],
  ])('reads « %s » as %s', (raw, date) => {
    expect(readDate(raw)).toEqual({ ok: true, date });
  });

  it.each(['2025-02-30', '31/04/2025', 'bientôt', '12 brumaire 2025', '20250612', '-3', '2025-13-01'])('reports « %s » as unreadable, with what was found', (raw) => {
    expect(readDate(raw)).toEqual({ ok: false, found: raw });
  });

  it('says nothing of an empty cell', () => {
    expect(readDate('')).toBeUndefined();
    expect(readDate('  ')).toBeUndefined();
    expect(readDate(undefined)).toBeUndefined();
  });

  it('reads Excel serials as the Paris wall-clock time DS wrote', () => {
    expect(excelSerialToText(45810.410972)).toBe('2025-06-02 09:51:48');
    expect(excelSerialToText(45810)).toBe('2025-06-02');
    expect(excelSerialToText(44348.410972, true)).toBe('2025-06-02 09:51:48');
  });

  it('gives the same day for a serial, its ISO text and its French text, for any day and time', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        const d = new Date(Math.floor(ms / 1000) * 1000);
        const iso = d.toISOString().slice(0, 19).replace('T', ' ');
        const day = iso.slice(0, 10);
        const [y, m, dd] = day.split('-');
        const serial = (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
        expect(readDate(String(serial))).toEqual({ ok: true, date: day });
        expect(readDate(iso)).toEqual({ ok: true, date: day });
        expect(readDate(`${dd}/${m}/${y} ${iso.slice(11, 16)}`)).toEqual({ ok: true, date: day });
        expect(excelSerialToText(serial)?.slice(0, 10)).toBe(day);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parisMidnight', () => {
  it('gives the start of a Paris day with that night’s offset, summer, winter and both changes', () => {
    expect(parisMidnight('2025-06-12')).toBe('2025-06-12T00:00:00+02:00');
    expect(parisMidnight('2025-12-01')).toBe('2025-12-01T00:00:00+01:00');
    expect(parisMidnight('2025-03-30')).toBe('2025-03-30T00:00:00+01:00');
    expect(parisMidnight('2025-10-26')).toBe('2025-10-26T00:00:00+02:00');
  });
});
