// The follow-ups' part of a person's desk, and the desk loaded whole: the log and the ladders meet
// here, where the reminder worker (delivery.ts) and /desk both find it.
import { dayOf } from '../dates.js';
import { type Desk, type DeskFollowup, deskFor } from '../desk/desk.js';
import { loadLog } from '../jss/contractsStore.js';
import { dayIn, daysBetween, type Followup, labelOf, nextPending, taskOf } from './ladders.js';
import { ladderActions } from './notices.js';
import { loadFollowups, type Scope } from './reminders.js';

/**
 * Each ladder's next step as /followup list shows it: the first still pending (one shown or sent is
 * done; a finished ladder has none), dated in the ladder's own zone, overdue when no reminder went yet.
 */
export function nextSteps(list: readonly Followup[], now: Date): DeskFollowup[] {
  return list.flatMap((f) => {
    const step = nextPending(f);
    if (!step) return [];
    return [
      {
        id: f.id,
        client: f.client,
        step: labelOf(step.template),
        task: taskOf(step.template, f.client),
        day: step.day,
        inDays: daysBetween(dayIn(now, f.tz), step.day),
        actions: ladderActions(f, `#${f.id} `),
      },
    ];
  });
}

export async function loadDesk(scope: Scope, now: Date): Promise<Desk> {
  const [log, list] = await Promise.all([loadLog(scope), loadFollowups(scope)]);
  return deskFor({ contracts: log.contracts, followups: nextSteps(list, now), today: dayOf(now) });
}
