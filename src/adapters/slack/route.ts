// gigdesk's one entry into Bolt: a global middleware that hands each event to its handler. Bolt runs the
// middleware chain of every registered listener on every request, so five listeners cost a one-line
// command more than its own answer path (docs/benchmarks.md); what is not gigdesk's goes on to Bolt.
import type {
  AllMiddlewareArgs,
  AnyMiddlewareArgs,
  App,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';

type With<T> = T & AllMiddlewareArgs;
type Handle<Args> = (args: Args) => Promise<void>;

export type CommandArgs = With<SlackCommandMiddlewareArgs>;
export type PressArgs = With<SlackActionMiddlewareArgs>;
export type FormArgs = With<SlackViewMiddlewareArgs<ViewSubmitAction>>;
export type ShortcutArgs = With<SlackShortcutMiddlewareArgs>;
export type EventArgs = With<SlackEventMiddlewareArgs>;

export interface Routes {
  /** Slash command names with their slash ("/jss"). */
  commands: ReadonlySet<string>;
  command: Handle<CommandArgs>;
  /** Presses of buttons whose action_id matches. */
  buttonActionId: RegExp;
  press: Handle<PressArgs>;
  /** Every view_submission. */
  form: Handle<FormArgs>;
  /** Shortcuts by callback_id. */
  shortcuts: Readonly<Record<string, Handle<ShortcutArgs>>>;
  /** Events API callbacks by event type (Bolt has already acked them). */
  events: Readonly<Record<string, Handle<EventArgs>>>;
}

export function route(app: App, routes: Routes): void {
  app.use(async (args) => {
    const handle = handlerFor(args, routes);
    if (handle) await handle();
    else await args.next();
  });
}

/** The handler bound to this event, as Bolt's own matchers would pick it; undefined when none is. */
function handlerFor(args: With<AnyMiddlewareArgs>, routes: Routes): (() => Promise<void>) | undefined {
  if ('command' in args && args.command) {
    return routes.commands.has(args.command.command) ? () => routes.command(args) : undefined;
  }
  if ('action' in args && args.action) {
    const id = 'action_id' in args.action ? args.action.action_id : undefined;
    return typeof id === 'string' && routes.buttonActionId.test(id) ? () => routes.press(args) : undefined;
  }
  if ('view' in args && args.view) {
    return args.body.type === 'view_submission' ? () => routes.form(args as FormArgs) : undefined;
  }
  if ('shortcut' in args && args.shortcut) {
    const handle = Object.hasOwn(routes.shortcuts, args.shortcut.callback_id)
      ? routes.shortcuts[args.shortcut.callback_id]
      : undefined;
    return handle && (() => handle(args));
  }
  if ('event' in args && args.event) {
    const handle = Object.hasOwn(routes.events, args.event.type) ? routes.events[args.event.type] : undefined;
    return handle && (() => handle(args));
  }
  return undefined;
}
