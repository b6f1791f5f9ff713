// The follow-ups' part of a person's desk, and the desk loaded whole: the log and the ladders meet
// here, where the reminder worker (delivery.ts) and /desk both find it.
import { dayOf } from '../dates.js';
import { type Desk, type DeskFollowup, deskFor } from '../desk/desk.js';
import { loadLog } from '../jss/contractsStore.js';
import { dayIn, daysBetween, type Followup, labelOf } from './ladders.js';
import { ladderActions } from './notices.js';
import { loadFollowups, type Scope } from './reminders.js';

/** Each ladder's step of today or the next one, dated in the ladder's own zone (today's may be sent already). */
export function nextSteps(list: readonly Followup[], now: Date): DeskFollowup[] {
  return list.flatMap((f) => {
    const today = dayIn(now, f.tz);
    const step = f.steps.find((s) => s.status !== 'stopped' && daysBetween(today, s.day) >= 0);
    if (!step) return [];
    const inDays = daysBetween(today, step.day);
    return [
      {
        id: f.id,
        client: f.client,
        step: labelOf(step.template),
        day: step.day,
        inDays,
        actions: ladderActions(f, `#${f.id} `),
      },
    ];
  });
}

export async function loadDesk(scope: Scope, now: Date): Promise<Desk> {
  const [log, list] = await Promise.all([loadLog(scope), loadFollowups(scope)]);
  return deskFor({ contracts: log.contracts, followups: nextSteps(list, now), today: dayOf(now) });
}
