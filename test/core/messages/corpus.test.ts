// /check against the labelled corpus: precision and recall of "this message breaks a rule",
// on the working part, the held-out part (written first, never used while writing the rules) and both.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Category, checkMessage } from '../../../src/core/messages/feedbackCheck.js';

type Label = Category | 'fine';
interface Example {
  label: Label;
  text: string;
}

function load(file: string): Example[] {
  const raw = readFileSync(new URL(`./corpus/${file}`, import.meta.url), 'utf8');
  return raw
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const cut = line.indexOf(' | ');
      return { label: line.slice(0, cut).trim() as Label, text: line.slice(cut + 3) };
    });
}

/** Precision and recall of "flagged" against "labelled as breaking a rule". */
function score(examples: Example[]) {
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  for (const { label, text } of examples) {
    const flagged = checkMessage(text).length > 0;
    if (flagged && label !== 'fine') truePositive++;
    if (flagged && label === 'fine') falsePositive++;
    if (!flagged && label !== 'fine') falseNegative++;
  }
  return {
    precision: truePositive / (truePositive + falsePositive),
    recall: truePositive / (truePositive + falseNegative),
  };
}

const working = load('dev.txt');
const heldOut = load('held-out.txt');
const parts: [string, Example[]][] = [
  ['whole corpus', [...working, ...heldOut]],
  ['held-out part', heldOut],
  ['working part', working],
];

describe('the /check corpus', () => {
  it('has at least 150 messages, about half of them breaking a rule, every label known', () => {
    const all = [...working, ...heldOut];
    expect(all.length).toBeGreaterThanOrEqual(150);
    const breaking = all.filter((e) => e.label !== 'fine').length / all.length;
    expect(breaking).toBeGreaterThan(0.4);
    expect(breaking).toBeLessThan(0.6);
    for (const e of all) expect(['fine', 'rating', 'incentive', 'pressure', 'off-platform']).toContain(e.label);
  });

  it.each(parts)('%s: precision and recall at least 0.95', (name, examples) => {
    const { precision, recall } = score(examples);
    console.log(
      `${name} (${examples.length} messages): precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
