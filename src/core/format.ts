// Number and date wording shared by every command, so the same figure reads the same everywhere.

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const whole = new Intl.NumberFormat('en-US');

/** 130000 -> "$1,300.00"; amounts are integer cents throughout the core. */
export function formatCents(cents: number): string {
  return usd.format(cents / 100);
}

export function formatCount(n: number): string {
  return whole.format(n);
}

/** A Date as the calendar day it is in UTC: "2026-11-22". */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Singular or plural: plural(1, 'contract') -> "1 contract", plural(2, 'contract') -> "2 contracts". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : pluralWord}`;
}
