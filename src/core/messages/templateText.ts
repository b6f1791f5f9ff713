// The built-in client messages, in three tones. Syntax (see templates.ts): {client} is a value,
// [ ... ] is dropped when a value inside it is missing, and [with {client}|without] picks the
// second wording when it is. Never ask for a rating, never offer anything for feedback.

export const TONES = ['warm', 'formal', 'brief'] as const;
export type Tone = (typeof TONES)[number];

export interface BuiltInTemplate {
  name: string;
  /** One line for the list. */
  summary: string;
  /** When to send it and why, in one line. */
  when: string;
  text: Record<Tone, string>;
}

export const BUILT_IN_TEMPLATES: readonly BuiltInTemplate[] = [
  {
    name: 'five-star',
    summary: 'The five-star question, right after final delivery',
    when: 'Send it with the final delivery: it invites the client to raise anything left before closing, and to close the contract themselves.',
    text: {
      warm: `Hi[ {client}],

The final delivery[ for {project}] is in. Before we wrap up, is there anything at all you'd like changed or polished so this feels like excellent work to you? I'd much rather fix it now than leave you with something that's only nearly right.

If everything looks good, you're welcome to close the contract whenever it suits you.

Thanks again,[
{you}]`,
      formal: `[Dear {client},|Hello,]

I have now completed the final delivery[ for {project}]. Before the contract is closed, may I ask whether anything remains that you would like revised or improved? I would be glad to address it so that the result fully meets your expectations.

If you are satisfied, please feel free to close the contract at your convenience.

Kind regards,[
{you}]`,
      brief: `Hi[ {client}], the final delivery[ for {project}] is in. Anything you'd like changed before we close? Happy to fix it now.[ – {you}]`,
    },
  },
  {
    name: 'closing-nudge',
    summary: 'A polite request to close the contract, about a week later',
    when: 'About a week after the client said all is well but left the contract open: a contract the client closes, with feedback, counts better for you.',
    text: {
      warm: `Hi[ {client}],

I'm glad everything[ with {project}] worked out. When you have a minute, would you mind closing the contract on your side? A contract closed by the client, with a few honest words of feedback, really helps freelancers like me on Upwork.

No rush, and thank you again for working with me.[
{you}]`,
      formal: `[Dear {client},|Hello,]

Thank you again for the opportunity to work[ on {project}| with you]. When convenient, could you close the contract from your side? Contracts closed by the client, together with honest feedback, carry more weight on a freelancer's Upwork profile.

Kind regards,[
{you}]`,
      brief: `Hi[ {client}], could you close the contract[ for {project}] when you get a moment? A client-closed contract with your honest feedback helps me a lot. Thanks![ – {you}]`,
    },
  },
  {
    name: 'silent-ping',
    summary: 'One more friendly check-in when the client has gone quiet',
    when: 'About two weeks after the closing nudge with no answer: one last friendly check-in, then stop asking.',
    text: {
      warm: `Hi[ {client}],

Just checking in[ on {project}]. I hope everything is working well on your end. If anything still needs attention, tell me and I'll take care of it; otherwise, closing the contract whenever you get a chance would be great.

Thanks,[
{you}]`,
      formal: `[Dear {client},|Hello,]

I am following up[ on {project}] to make sure everything is in order. Should anything still require attention, please let me know and I will handle it. Otherwise, I would be grateful if you could close the contract when convenient.

Kind regards,[
{you}]`,
      brief: `Hi[ {client}], checking in[ on {project}]: anything else you need? If not, closing the contract when you can would be great. Thanks![ – {you}]`,
    },
  },
  {
    name: 'close-yourself',
    summary: 'A courteous last note when you close the contract yourself',
    when: 'About a week after the last ping (a month or so after the last contact): close the contract yourself and leave a kind last word.',
    text: {
      warm: `Hi[ {client}],

Since the work[ on {project}] is complete and I haven't heard back, I'm closing the contract on my side so it doesn't stay open. Thank you for the opportunity, I enjoyed it. If you ever need changes or something new, I'm happy to help here on Upwork.

All the best,[
{you}]`,
      formal: `[Dear {client},|Hello,]

As the work[ on {project}] is complete, I am closing the contract from my side. Thank you for the opportunity to work with you. Should you need changes or further work in the future, I would be glad to help through Upwork.

Kind regards,[
{you}]`,
      brief: `Hi[ {client}], I'm closing the contract[ for {project}] on my side as the work is done. Thanks for the opportunity, and I'm here on Upwork if you need anything.[ – {you}]`,
    },
  },
  {
    name: 'ask-feedback',
    summary: 'Asking for feedback on a contract that was closed without any',
    when: 'Within 14 days of the contract closing (Upwork keeps feedback open that long): contracts closed without feedback are left out of your JSS.',
    text: {
      warm: `Hi[ {client}],

Thanks again for the work together[ on {project}]. I noticed the contract closed without feedback. If you have a moment, a few honest words about working with me would mean a lot and help future clients get to know me. Upwork keeps feedback open for 14 days after a contract closes.

Either way, thank you, and I'd be glad to work together again.[
{you}]`,
      formal: `[Dear {client},|Hello,]

Thank you once more for the work[ on {project}]. The contract was closed without feedback, and if you can spare a moment, I would value your honest assessment of our collaboration. Upwork keeps feedback open for 14 days after a contract closes.

Kind regards,[
{you}]`,
      brief: `Hi[ {client}], thanks again[ for {project}]. If you have a minute, I'd value a few honest words of feedback on the contract (Upwork keeps it open for 14 days after closing).[ – {you}]`,
    },
  },
  {
    name: 'reconsider',
    summary: 'After a bad outcome: own your part, then ask for a second look',
    when: 'A few days after a bad outcome, once things have cooled: own your part first, say what changed (make that sentence true for you), and only then ask.',
    text: {
      warm: `Hi[ {client}],

I've been thinking about how[ {project}| our project] went, and I want to own my part: I fell short of what you needed, and I'm sorry for the trouble that caused. I've taken a hard look at where it went wrong and changed how I work so it doesn't happen again.

If you'd ever be open to it, I'd welcome a small second chance to put things right, or a second look at your feedback if you feel that's fair. I completely understand if not, and thank you for being honest with me.[
{you}]`,
      formal: `[Dear {client},|Hello,]

I would like to acknowledge my part in how[ {project}| our project] turned out. The result fell short of what you needed, and I apologise for the difficulty this caused. I have reviewed what went wrong and changed my process accordingly.

Should you be open to it, I would welcome the chance to make it right, or for you to reconsider your feedback if you find that fair. I will fully understand if you prefer not to.

Kind regards,[
{you}]`,
      brief: `Hi[ {client}], I fell short[ on {project}], and I'm sorry. I've changed how I work since. If you're ever open to it, I'd welcome a chance to make it right, or a second look at your feedback if that feels fair. No worries if not.[ – {you}]`,
    },
  },
  {
    name: 'low-jss',
    summary: 'Answering a prospect who asks about your low Job Success Score',
    when: 'When a prospect asks about your JSS: be honest, own the mistake, say what changed (make the details true for you).',
    text: {
      warm: `Hi[ {client}],

That's a fair question, and I'd rather answer it straight. My Job Success Score dropped after a contract that didn't go well, and part of that was on me. Since then I agree on scope in writing before starting and share progress early, so problems surface while they're easy to fix.[ I'd bring the same care to {project}.]

Happy to talk through my recent work if that helps.[
{you}]`,
      formal: `[Dear {client},|Hello,]

Thank you for asking directly. My Job Success Score was lowered by a contract that did not go well, for which I accept my share of responsibility. I have since changed my process: scope is agreed in writing before work begins, and progress is shared early and often.[ I would apply the same approach to {project}.]

I would be glad to discuss my recent work in more detail.

Kind regards,[
{you}]`,
      brief: `Hi[ {client}], fair question: my JSS dropped after a contract that went badly, partly my fault. Since then I agree scope in writing up front and share progress early.[ Happy to walk you through how I'd run {project}.][ – {you}]`,
    },
  },
];
