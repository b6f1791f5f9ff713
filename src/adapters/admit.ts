// The rate limit before an adapter does any work on an event (parses its line, opens a form, downloads
// a file): over the limit the person gets the usual refusal, and nothing else happens.
import type { Command } from '../core/runtime/command.js';
import { refusedByLimits } from '../core/runtime/run.js';
import { respond } from './respond.js';
import type { Surface } from './surface.js';

/**
 * The surface bound to the context just counted (so the run does not count the event again), or
 * undefined after answering with the refusal.
 */
export async function admitted(surface: Surface, command?: Command): Promise<Surface | undefined> {
  const ctx = await surface.context();
  const bound: Surface = { ...surface, context: () => ctx };
  const refused = await refusedByLimits(ctx, command);
  if (!refused) return bound;
  await respond(bound, { answer: refused });
  return undefined;
}
