import { describe, expect, it } from 'vitest';
import { sources } from '../../src/commands/sources.js';
import { ADVICE_FACTS } from '../../src/core/advice/facts.js';
import { FEE_RULES, MONEY_SOURCES } from '../../src/core/fees/rules.js';
import { JSS_RULES } from '../../src/core/jss/rules.js';
import type { Reply } from '../../src/core/runtime/reply.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';

const ask = (line: string) => runText(line, [sources], testContext());

function fieldMap(reply: Reply): Map<string, string> {
  const map = new Map<string, string>();
  for (const b of [...reply.blocks, ...reply.details])
    if (b.type === 'fields') for (const f of b.fields) map.set(f.label, f.value);
  return map;
}

describe('/sources', () => {
  it.each(['/sources', '/sources fees'])(
    '%s lists every fee rule set with dates, computation, source and disagreement',
    async (line) => {
      const found = fieldMap((await ask(line)).reply);
      for (const rule of FEE_RULES) {
        const entry = [...found].find(([label]) => label.includes(`(/quote era:${rule.id})`));
        expect(entry, rule.id).toBeDefined();
        const value = entry?.[1] ?? '';
        expect(value).toContain('In force: ');
        expect(value).toContain('Rule: ');
        for (const source of rule.sources) expect(value).toContain(source);
        if (rule.disagreement) expect(value).toContain(`Disagreement: ${rule.disagreement}`);
        for (const note of rule.notes) expect(value).toContain(note);
      }
      expect(found.get('Upwork sliding fee 20/10/5 % (/quote era:sliding)')).toContain(
        'In force: 2016-06-21 to 2023-05-02.',
      );
    },
  );

  it('labels third-party rules and only those', async () => {
    const labels = [...fieldMap((await ask('/sources fees')).reply).keys()];
    expect(labels.filter((l) => l.includes('third-party'))).toEqual([
      'Upwork variable fee 0-15 % (/quote era:variable), third-party sources only',
    ]);
  });

  it.each(['/sources', '/sources jss'])(
    '%s lists every JSS rule with its dates, source and disagreement',
    async (line) => {
      const found = fieldMap((await ask(line)).reply);
      for (const rule of JSS_RULES) {
        const value = found.get(rule.name) ?? '';
        expect(value).toContain(`In force: ${rule.inForce}`);
        expect(value).toContain(rule.source);
        if (rule.disagreement) expect(value).toContain(rule.disagreement);
        expect(value).toContain(rule.note);
      }
    },
  );

  it('lists the other money figures with their disagreements', async () => {
    const found = fieldMap((await ask('/sources money')).reply);
    expect([...found.keys()]).toEqual(MONEY_SOURCES.map((m) => m.name));
    expect(found.get('Withdrawal costs')).toContain('both $30 and $50');
    expect(found.get('Arbitration fee per party')).toContain('$297');
  });

  it('topic: narrows the list', async () => {
    const jssOnly = fieldMap((await ask('/sources jss')).reply);
    expect(jssOnly.size).toBe(JSS_RULES.length);
    const { outcome, reply } = await ask('/sources gossip');
    expect(outcome).toBe('user_error');
    expect(reply.lead).toContain('"topic" must be one of: all, fees, jss, money');
  });

  it("lists the course's advice figures with their source, and labels the author's estimate", async () => {
    const reply = (await ask('/sources advice')).reply;
    const found = fieldMap(reply);
    expect([...found.keys()]).toEqual(ADVICE_FACTS.map((f) => f.name));
    for (const fact of ADVICE_FACTS) expect(found.get(fact.name)).toContain(`Source: ${fact.source}.`);
    expect(found.get('What a high JSS is worth')).toContain("Estimate: the course author's own figure.");
    expect(found.get('What an employee really costs')).not.toContain('Estimate');
    expect(found.get('What an employee really costs')).toContain('$42');
  });
});
