// The "what to ask next" hints of /jss and /desk, from a QA sweep: a hint must lead somewhere a person
// has not already been (a setting already on, a target already met, a target new work never reaches).
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render.js';
import { QUICK_JOBS } from '../../src/core/jss/visibility.js';
import { answer, ask, logOf, narrow } from '../support/logs.js';

/** The `/jss ...` command a footer suggests, if any: the counts and the options after them. */
const suggested = (footer: string[]) => footer.join(' ').match(/\/jss \d+ \d+ \d+( [a-z]+:\d+)*/)?.[0];
const optionOf = (line: string, name: string) => line.match(new RegExp(`\\b${name}:(\\d+)`))?.[1];

describe('/jss with counts: the next target it suggests', () => {
  it.each([
    '/jss 7 1 8',
    '/jss 7 1 8 target:95',
    '/jss 7 1 8 target:100',
    '/jss 9 1 10 100',
    '/jss 17 0 19',
    '/jss 179 0 200',
  ])('%s suggests a target above the score that new work can reach', async (line) => {
    const a = await answer(line);
    const next = suggested(a.reply.footer);
    expect(next, a.all).toBeDefined();
    const target = Number(optionOf(next ?? '', 'target'));
    const shown = Number(a.reply.lead.match(/(\d+) %/)?.[1]);
    expect(target).toBeGreaterThan(shown);
    const followed = await answer(next ?? '');
    expect(followed.outcome).toBe('ok');
    expect(followed.reply.lead, next).not.toMatch(/never makes it/);
    expect(followed.reply.lead, next).not.toMatch(/at or above your/);
  });

  it('/jss 3 0 3 (already 100 %) suggests no target at all', async () => {
    const a = await answer('/jss 3 0 3');
    expect(a.reply.footer.join('\n')).not.toMatch(/target:/);
    expect(a.reply.footer.join('\n')).toMatch(/Try \//);
  });

  it('/jss 19 0 20 (95 %, a neutral outcome) suggests neither 95 nor 100', async () => {
    const a = await answer('/jss 19 0 20');
    expect(a.reply.footer.join('\n')).not.toMatch(/target:/);
  });

  it('/jss 7 1 8 planned:5 target:95 keeps planned:5 and never suggests 100 while the negative counts', async () => {
    const a = await answer('/jss 7 1 8 planned:5 target:95');
    const next = suggested(a.reply.footer) ?? '';
    expect(optionOf(next, 'planned')).toBe('5');
    expect(optionOf(next, 'target')).not.toBe('100');
    expect(optionOf(next, 'target')).not.toBe('95');
    expect((await answer(next)).outcome).toBe('ok');
  });
});

describe('/jss with counts more than a dozen contracts from any target: a hint that helps get there', () => {
  it.each(['/jss 1 3 4', '/jss 2 1 3', '/jss 0 1 1', '/jss 2 1 3 target:100'])(
    '%s (may not show yet) suggests the course plan score by score, no target more than a dozen away',
    async (line) => {
      const a = await answer(line);
      expect(a.reply.footer.join('\n'), a.all).not.toMatch(/target:/);
      const next = suggested(a.reply.footer) ?? '';
      expect(next.startsWith(line.replace(/ target:\d+/, '')), a.all).toBe(true);
      expect(optionOf(next, 'planned')).toBe(String(QUICK_JOBS));
      const followed = await answer(next);
      expect(followed.outcome).toBe('ok');
      expect(followed.reply.footer.join('\n'), followed.all).not.toMatch(/target:/);
      expect(followed.reply.footer.join('\n')).toMatch(/\/contracts add/);
    },
  );

  it('/jss 10 10 40 (0 % and shown) suggests the log, which dates the negatives, not a higher target', async () => {
    const a = await answer('/jss 10 10 40');
    const footer = a.reply.footer.join('\n');
    expect(footer, a.all).not.toMatch(/target:|planned:/);
    expect(footer).toMatch(/\/contracts add/);
    expect(footer).toMatch(/each negative leaves the window/);
  });

  it('/jss 7 1 8 target:95 (32 away) suggests 90, which 12 reach, and keeps planned:', async () => {
    const a = await answer('/jss 7 1 8 target:95 planned:3');
    const next = suggested(a.reply.footer) ?? '';
    expect(optionOf(next, 'target'), a.all).toBe('90');
    expect(optionOf(next, 'planned')).toBe('3');
  });
});

const LOG = [
  `/contracts import "${['2025-09-01,2,500,kilo', '2026-01-10,5,300,acme', '2026-03-01,5,800,bolt', '2026-06-01,5,1200,cato', '2026-10-01,5,200,dune'].join('\n')}"`,
];

describe('hints that read the setting they point to', () => {
  it('/jss on a log with a negative to leave suggests /contracts alerts on only while they are off', async () => {
    const ctx = await logOf(LOG);
    const off = await answer('/jss', ctx);
    expect(off.reply.footer.join('\n')).toMatch(/\/contracts alerts on/);
    await ask('/contracts alerts on', ctx);
    const on = await answer('/jss', ctx);
    expect(on.reply.footer.join('\n')).not.toMatch(/\/contracts alerts on/);
    expect(on.reply.footer.join('\n')).toMatch(/Try \//);
    narrow(renderText(on.reply));
  });

  it('/desk suggests /desk digest on only while the digest is off', async () => {
    const ctx = await logOf(LOG);
    const off = await answer('/desk', ctx);
    expect(off.reply.footer.join('\n')).toMatch(/\/desk digest on/);
    await ask('/desk digest on', ctx);
    const on = await answer('/desk', ctx);
    expect(on.reply.footer.join('\n')).not.toMatch(/\/desk digest on/);
    expect(on.reply.footer.join('\n')).toMatch(/\/\w+/);
    narrow(renderText(on.reply));
  });
});
