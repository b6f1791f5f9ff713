// Wordings a QA sweep found /check letting through: payment moved to a pay app, an offer and a
// feedback request in two sentences, a particular private score; and ordinary text that must still pass.
import { describe, expect, it } from 'vitest';
import { type Category, checkMessage } from '../../../src/core/messages/feedbackCheck.js';
import { BUILT_IN_TEMPLATES, fillTemplate, TONES } from '../../../src/core/messages/templates.js';

const categories = (text: string) => checkMessage(text).map((f) => f.category);

const missed: [string, Category][] = [
  ['PayPal me the rest', 'off-platform'],
  ['Just Venmo me the balance when you can.', 'off-platform'],
  ['Send the remaining amount via PayPal', 'off-platform'],
  ['Could you send the last 50% through Wise?', 'off-platform'],
  ['Please send the balance on Zelle.', 'off-platform'],
  ['Customers can pay via PayPal, and you can pay me via PayPal too.', 'off-platform'],
  ['Would you consider revising your feedback? I could redo the logo for free.', 'incentive'],
  ['Would you consider revising your feedback? I can redo the logo at no charge.', 'incentive'],
  ['Could you update your review? I would be happy to add two pages at no cost.', 'incentive'],
  ['Thanks for your quick feedback. Would you consider updating your review? I can redo it at no cost.', 'incentive'],
  ['Please leave me a 10 on the private feedback', 'rating'],
  ['I hope you can give a 10 in the private feedback.', 'rating'],
  ['A 10 on the recommendation question would help.', 'rating'],
  ['Could you leave me a 10, please?', 'rating'],
];

const fine = [
  'I sent the invoice through Upwork.',
  'Send the files via Google Drive, please.',
  'I can redo the logo for free if the colours are off.',
  'I could add a favicon at no extra cost.',
  'Thanks for the feedback! I can fix the header at no charge.',
  'Thank you so much for your feedback on the draft. I could add a page at no cost.',
  'The call takes a 10 minute slot on Monday.',
  'Page 10 on the website has a typo.',
  'We scored 10 in the private beta.',
  'Can you send a 10, 20 and 30 pixel version?',
  'Thanks for the feedback! I can fix the header for free.',
  'Send me the remaining content and I will finish the page.',
  // A store's own buyers paying it is the work being described, not the contract's money moving.
  'Your customers can pay via PayPal now.',
  'Shoppers pay through PayPal or Stripe at checkout.',
];

describe('/check: wordings the sweep found missed', () => {
  it.each(missed)('flags %j as %s', (text, category) => {
    expect(categories(text)).toContain(category);
  });

  it.each(fine)('lets %j through', (text) => {
    expect(checkMessage(text)).toEqual([]);
  });

  it('passes every built-in template in every tone, with and without values', () => {
    for (const t of BUILT_IN_TEMPLATES)
      for (const tone of TONES)
        for (const values of [{}, { client: 'Acme', project: 'the logo', you: 'Sam' }]) {
          expect(checkMessage(fillTemplate(t.text[tone], values)), `${t.name} ${tone}`).toEqual([]);
        }
  });
});
