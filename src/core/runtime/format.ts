// Number and date wording shared by every command, so the same figure reads the same everywhere.

/** 1234567 -> "1,234,567": a plain regex, several times faster than Intl on the hot reply path. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 130000 -> "$1,300.00"; amounts are integer cents throughout the core (same text as Intl's en-US USD). */
export function formatCents(cents: number): string {
  const whole = Math.abs(Math.round(cents));
  const sign = cents <= -0.5 ? '-' : '';
  return `${sign}$${groupThousands(Math.floor(whole / 100).toString())}.${(whole % 100).toString().padStart(2, '0')}`;
}

/** 12345 -> "12,345"; fractions keep up to three decimals, as Intl's en-US does. */
export function formatCount(n: number): string {
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  const rounded = Math.round(n * 1000) / 1000;
  const [int = '0', frac] = Math.abs(rounded).toString().split('.');
  const sign = rounded < 0 ? '-' : '';
  return `${sign}${groupThousands(int)}${frac ? `.${frac}` : ''}`;
}

/** A Date as the calendar day it is in UTC: "2026-11-22". */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Singular or plural: plural(1, 'contract') -> "1 contract", plural(2, 'contract') -> "2 contracts". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : pluralWord}`;
}

/** Whole dollars without cents ("$13,500"), otherwise to the cent: the short form for answer sentences. */
export function formatDollars(cents: number): string {
  const text = formatCents(cents);
  return Math.round(cents) % 100 === 0 ? text.slice(0, -3) : text;
}
