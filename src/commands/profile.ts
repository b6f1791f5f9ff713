import { z } from 'zod';
import { adviceFact, COURSE_SOURCE } from '../core/advice/facts.js';
import {
  checkOverview,
  OVERVIEW_LIMIT,
  PROFILE_RULES,
  type ProfileFinding,
  VISIBLE_CHARACTERS,
} from '../core/advice/profile.js';
import { defineCommand } from '../core/runtime/command.js';
import { plural } from '../core/runtime/format.js';
import { type Block, moreInDetails, reply, text } from '../core/runtime/reply.js';

const SHOWN_FINDINGS = 5;

const labelOf = (f: ProfileFinding) => PROFILE_RULES.find((r) => r.rule === f.rule)?.label ?? f.rule;
const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const findingLine = (f: ProfileFinding) => `${f.where}, ${labelOf(f)}: "${f.quote}" ${sentence(f.fix)}`;

export const profile = defineCommand({
  name: 'profile',
  description: "Check your profile overview against the course's five don'ts and its do's, line by line",
  // An overview runs to paragraphs, which a chat command's one-line option cannot hold: without it, a form opens.
  longText: 'overview',
  options: z.object({
    overview: z.string().min(1).max(6000).describe('your profile overview as it stands, paragraphs and all'),
  }),
  run: ({ overview }) => {
    const check = checkOverview(overview);
    const limit = adviceFact('overview-limit');
    const footer = [
      `Source: ${COURSE_SOURCE} (the five don'ts and the do's); length: ${limit.source}.`,
      'Plain wording rules, no AI: they can miss things or flag a line you meant; you decide.',
      'Next: /rate for what to charge, /client to check a job post.',
    ];
    const checklist = text(
      PROFILE_RULES.map((r) => {
        const n = check.findings.filter((f) => f.rule === r.rule).length;
        return `${n === 0 ? 'ok' : `${n} found`}: ${r.label}`;
      }).join('\n'),
    );
    const notes = text(
      `${check.characters.toLocaleString('en-US')} characters. Upwork shows about the first ${VISIBLE_CHARACTERS} before "more", so they carry the most weight; the limit is ${OVERVIEW_LIMIT.toLocaleString('en-US')} (from a third-party guide, not an Upwork page).`,
    );
    if (check.findings.length === 0) {
      const blocks: Block[] = [
        text(
          'No wasted opening, nothing the client already sees, no CV, no jargon wall, nothing flashy; it ends with an invitation.',
        ),
      ];
      if (check.strongest) blocks.push(text(`Your strongest line: "${check.strongest}"`));
      return reply({
        lead: `Nothing to change: your overview passes all ${PROFILE_RULES.length} checks.`,
        blocks,
        details: [checklist, notes],
        footer,
      });
    }
    const [first] = check.findings;
    const shown = check.findings.slice(0, SHOWN_FINDINGS);
    const rest = check.findings.slice(SHOWN_FINDINGS);
    const blocks: Block[] = [text(shown.map(findingLine).join('\n'))];
    if (rest.length > 0) blocks.push(moreInDetails(rest.length));
    return reply({
      lead: `${plural(check.findings.length, 'thing')} to change in your overview; the first: ${first ? labelOf(first) : ''}.`,
      blocks,
      details: [...(rest.length > 0 ? [text(rest.map(findingLine).join('\n'))] : []), checklist, notes],
      footer,
    });
  },
});
