// How many words a date typed without quotes spans ("2 weeks ago", "14 Mar 2026", "Mar 14, 2026"),
// so the text parser hands them all to the one date option. Only the shape is judged here: the date
// parser (core/dates.ts) then reads the words or refuses them, naming every one of them.

/** A count ("2 weeks ago"), a day of the month (a comma may follow: "Mar 14, 2026") or a year. */
const COUNT = /^\d{1,4}$/;
const DAY = /^\d{1,2},?$/;
const YEAR = /^\d{4}$/;
const MONTH =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?$/i;
/** Abbreviations too, so "2 wks ago" is refused as one date rather than split over three options. */
const UNIT = /^(?:days?|weeks?|wks?|months?|mos?|years?|yrs?)$/i;

/** How far a date has got: "2" count, "2 weeks" unit, "14 Mar" dayMonth, "Mar 14" monthDay. */
type State = 'start' | 'count' | 'unit' | 'month' | 'dayMonth' | 'monthDay' | 'complete' | 'none';

function next(state: State, word: string): State {
  if (state === 'start') return COUNT.test(word) ? 'count' : MONTH.test(word) ? 'month' : 'none';
  if (state === 'count') return UNIT.test(word) ? 'unit' : MONTH.test(word) ? 'dayMonth' : 'none';
  if (state === 'unit') return word.toLowerCase() === 'ago' ? 'complete' : 'none';
  // "Mar 2026" has no day: taken whole, so the date parser can say so.
  if (state === 'month') return DAY.test(word) ? 'monthDay' : YEAR.test(word) ? 'complete' : 'none';
  if (state === 'dayMonth' || state === 'monthDay') return YEAR.test(word) ? 'complete' : 'none';
  return 'none';
}

/** Feeds a token's words ("3-weeks" is two); `took` says whether its first word continued the date. */
function feed(state: State, token: string): { state: State; took: boolean } {
  let now = state;
  let took = false;
  // Hyphens stand for spaces in a date ("3-weeks-ago"); a date has at most three words, so stop there.
  for (const word of token.split(/[-_]+/, 4)) {
    if (now === 'complete' || now === 'none') break;
    now = next(now, word);
    took ||= now !== 'none';
  }
  return { state: now, took };
}

/**
 * How many of the `following` words continue the date `first` begins: none when `first` is a date by
 * itself (2026-03-14, today, 3-weeks-ago) or begins none. At most two, as a date has three words.
 */
export function dateWordsAfter(first: string, following: readonly string[]): number {
  let { state } = feed('start', first);
  let count = 0;
  for (const word of following) {
    if (state === 'complete' || state === 'none') break;
    const fed = feed(state, word);
    if (!fed.took) break;
    count++;
    state = fed.state;
  }
  return count;
}
