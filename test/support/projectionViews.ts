// Reads the five views of a log's future (text chart, leave table, picture, alt text, lead) back as data,
// and lists every place where they disagree. The text chart's rows hold "from this date on".
import { addMonthsToDay, type Day, dayFromIso, isoOfDay } from '../../src/core/dates.js';
import { jssChart, MONTHS_BACK } from '../../src/core/jss/chart.js';
import type { Contract } from '../../src/core/jss/contracts.js';
import { logReply } from '../../src/core/jss/logReply.js';
import { blockText } from './replyText.js';

interface Row {
  day: Day;
  twentyFour: number | undefined;
  bestOf: number | undefined;
}

const ROW = /^(\d{4}-\d{2}-\d{2}) [█·]{20}\s*(no score|\d+ %)(?: {2}best-of (\d+) %)?$/;
const LATER = /later changes?,? (?:the next )?from (\d{4}-\d{2}-\d{2})/;
const percent = (s: string | undefined) => (s === undefined || s === 'no score' ? undefined : Number.parseInt(s, 10));

/** Every disagreement between the views of one log's future, as sentences (empty when they agree). */
export function disagreements(contracts: readonly Contract[], today: Day, target: number): string[] {
  const reply = logReply(contracts, today, target);
  const spec = jssChart(contracts, today, target);
  const texts = [...reply.blocks, ...reply.details].map(blockText);
  const chart = texts.find((t) => t.includes('█') || t.includes('·····'));
  const problems: string[] = [];
  if (!chart) return ['no text chart'];
  const rows: Row[] = chart.split('\n').flatMap((line) => {
    const m = ROW.exec(line);
    return m ? [{ day: dayFromIso(m[1] ?? ''), twentyFour: percent(m[2]), bestOf: percent(m[3]) }] : [];
  });
  const later = LATER.exec(chart);
  const bound = later ? dayFromIso(later[1] ?? '') : Number.POSITIVE_INFINITY;
  if (rows[0]?.day !== today) problems.push('the text chart does not start today');
  const at = (day: Day) => [...rows].reverse().find((r) => r.day <= day);
  const same = (what: string, day: Day, twentyFour: number | undefined, bestOf?: number | undefined | null) => {
    if (day >= bound || day < today) return;
    const row = at(day);
    if (row?.twentyFour !== twentyFour) {
      problems.push(`${what} ${isoOfDay(day)}: 24-month ${twentyFour} vs text chart ${row?.twentyFour}`);
    }
    if (bestOf !== null && row?.bestOf !== bestOf) {
      problems.push(`${what} ${isoOfDay(day)}: best-of ${bestOf} vs text chart ${row?.bestOf}`);
    }
  };
  // The leave table: date, window, negative, 24-month, best-of.
  for (const t of texts.filter((x) => x.startsWith('Date '))) {
    for (const line of t.split('\n').slice(2)) {
      const cells = line.split(/ {2,}/);
      const [date, , , twentyFour, bestOf] = cells;
      if (date && /^\d{4}-/.test(date)) same('leave table', dayFromIso(date), percent(twentyFour), percent(bestOf));
    }
  }
  // The picture: its projection line, month by month.
  const line = spec.series.find((s) => s.role === 'projection')?.values ?? [];
  line.forEach((value, i) => {
    if (i < MONTHS_BACK) return;
    same('picture', addMonthsToDay(today, i - MONTHS_BACK), value ?? undefined, null);
  });
  // Picture subtitle, alt text and the answer's sentences: every dated claim.
  const sentences = [spec.subtitle ?? '', spec.alt ?? '', reply.lead, ...reply.blocks.map(blockText)];
  for (const s of sentences) {
    const now = /(\d+) % today/.exec(s);
    if (now && Number(now[1]) !== rows[0]?.twentyFour) problems.push(`"${s}" vs today ${rows[0]?.twentyFour}`);
    if (/^No score today/.test(s) && rows[0]?.twentyFour !== undefined) problems.push(`"${s}" vs a score today`);
    if (/\bback to\b/.test(s)) problems.push(`"${s}" says "back to"`);
    for (const m of s.matchAll(/no score (?:from|on|after) (\d{4}-\d{2}-\d{2})/g)) {
      same(`"${s}"`, dayFromIso(m[1] ?? ''), undefined, null);
    }
    for (const m of s.matchAll(/(?<!under )(\d+) %(?: or more)? (?:from|on) (\d{4}-\d{2}-\d{2})/g)) {
      const row = at(dayFromIso(m[2] ?? ''));
      if (dayFromIso(m[2] ?? '') < bound && (row?.twentyFour ?? -1) < Number(m[1])) {
        problems.push(`"${s}" vs text chart ${row?.twentyFour} on ${m[2]}`);
      }
    }
    for (const m of s.matchAll(/under (\d+) % from (\d{4}-\d{2}-\d{2})/g)) {
      const row = at(dayFromIso(m[2] ?? ''));
      if (row?.twentyFour === undefined || row.twentyFour >= Number(m[1])) {
        problems.push(`"${s}" vs text chart ${row?.twentyFour} on ${m[2]}`);
      }
    }
    // Waiting never lifts a score for good: with no new work every contract leaves, so say when.
    if (/with no new work/.test(s) && !/no score/.test(s)) problems.push(`"${s}" hides that the score ends`);
  }
  return problems;
}
