/**
 * Dates as Démarches Simplifiées and the tools around it write them, read
 * into a calendar date (`AAAA-MM-JJ`, Paris): DS timestamps
 * (`2025-06-12 16:04:51 +0200`), ISO 8601 with or without a time and an
 * offset (GraphQL `dateTraitement`), `jj/mm/aaaa` and `jj/mm/aaaa HH:MM`
 * (a CSV re-saved by Excel), French prose (`12 juin 2025`), and Excel serial
 * numbers of the 1900 system (DS's XLSX writer formats a column as a date
 * only when its first data row holds one: `45810.410972` is 2025-06-02
 * 09:51:48, Paris wall-clock time).
 */

export type DateReading = { ok: true; date: string } | { ok: false; found: string };

/** What a reader of the report is told a date column may hold. */
export const DATE_SHAPES = 'AAAA-MM-JJ (avec ou sans heure et fuseau), JJ/MM/AAAA (avec ou sans heure), « 12 juin 2025 » ou un numéro de série de date Excel';

const MONTHS = ['janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre'];

/** Excel's 1900 system counts days from 1899-12-30 (its phantom 29 February 1900 included). */
const EXCEL_EPOCH_1900 = Date.UTC(1899, 11, 30);
/** The 1904 system (old Mac workbooks) starts 1,462 days later. */
export const EXCEL_1904_OFFSET_DAYS = 1462;
/** Serials read as dates: 1 January 1900 to 31 December 2100. */
const SERIAL_MIN = 1;
const SERIAL_MAX = 73415;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate() && year >= 1900 && year <= 2100;
}

function ymd(year: number, month: number, day: number): string | undefined {
  return isRealDate(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : undefined;
}

/**
 * An Excel serial as the wall-clock date and time it stands for
 * (`AAAA-MM-JJ HH:MM:SS`, or `AAAA-MM-JJ` at midnight), or undefined out of range.
 */
export function excelSerialToText(serial: number, date1904 = false): string | undefined {
  const days = serial + (date1904 ? EXCEL_1904_OFFSET_DAYS : 0);
  if (!Number.isFinite(days) || days < SERIAL_MIN || days > SERIAL_MAX) return undefined;
  // Rounded to the second: 45810.410972 is 09:51:48, not 09:51:47.98.
  const d = new Date(EXCEL_EPOCH_1900 + Math.round(days * 86_400) * 1000);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return time === '00:00:00' ? date : `${date} ${time}`;
}

const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** An instant with an explicit offset, as the Paris calendar date it falls on. */
function parisDateOf(instant: Date): string | undefined {
  if (Number.isNaN(instant.getTime())) return undefined;
  return parisDay.format(instant);
}

const parisOffset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Paris', timeZoneName: 'longOffset' });

/**
 * The start of a calendar day in Paris, as an ISO 8601 instant with its offset
 * (`2025-06-12T00:00:00+02:00`, `2025-12-01T00:00:00+01:00`). At 00:00 UTC Paris
 * still has the previous night's offset (the clocks change at 01:00 UTC), which
 * is the offset of its midnight.
 */
export function parisMidnight(day: string): string {
  const name = parisOffset.formatToParts(new Date(`${day}T00:00:00Z`)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name === 'GMT' ? '+00:00' : name.slice(3);
  return `${day}T00:00:00${offset}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const FRENCH_NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/;
const FRENCH_PROSE = /^(?:[a-z]+\s+)?(\d{1,2})(?:er)?\s+([a-z]+)\s+(\d{4})(?:\s+(?:a|à)?\s*(\d{1,2})[:h](\d{2}))?$/;
const SERIAL = /^\d+(?:[.,]\d+)?$/;

/** Reads one date cell; undefined when it is empty. */
export function readDate(raw: string | undefined): DateReading | undefined {
  const text = (raw ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  if (!text) return undefined;
  const fail = { ok: false, found: text } as const;

  const iso = ISO.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const date = ymd(year, month, day);
    if (!date) return fail;
    const offset = iso[8];
    if (!offset || !iso[4]) return { ok: true, date };
    // A timestamp with an offset: the day it is in Paris (23:30Z on the 12th is the 13th in Paris).
    const zone = offset.toUpperCase() === 'Z' ? 'Z' : offset.length === 3 ? `${offset}:00` : offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
    const instant = new Date(`${date}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${iso[7] ?? ''}${zone}`);
    const paris = parisDateOf(instant);
    return paris ? { ok: true, date: paris } : fail;
  }

  const fr = FRENCH_NUMERIC.exec(text);
  if (fr) {
    const date = ymd(Number(fr[3]), Number(fr[2]), Number(fr[1]));
    return date ? { ok: true, date } : fail;
  }

  const prose = FRENCH_PROSE.exec(text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, ''));
  if (prose) {
    const month = MONTHS.indexOf(prose[2]!) + 1;
    const date = month > 0 ? ymd(Number(prose[3]), month, Number(prose[1])) : undefined;
    return date ? { ok: true, date } : fail;
  }

  if (SERIAL.test(text)) {
    const serialText = excelSerialToText(Number(text.replace(',', '.')));
    return serialText ? { ok: true, date: serialText.slice(0, 10) } : fail;
  }
  return fail;
}
