// /client refuses client-panel figures that cannot be true together, instead of reading one of them.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { runText } from '../../src/core/runtime/run.js';
import { testContext } from '../support/context.js';

const POST = 'Need a logo designed for a bakery';

describe('/client with figures that contradict each other', () => {
  const ctx = testContext();
  it.each([
    ['rating:4.5 reviews:0', 'rating_without_reviews'],
    ['rating:2 reviews:0', 'rating_without_reviews'],
    ['jobs_posted:0 hire_rate:90', 'hire_rate_without_posts'],
    ['jobs_posted:0 hire_rate:10', 'hire_rate_without_posts'],
  ])('%s is refused (%s)', async (facts, code) => {
    const answer = await runText(`/client ${facts} ${POST}`, commands, ctx);
    expect(answer.outcome).toBe('user_error');
    expect(answer.code).toBe(code);
    expect(answer.reply.lead).not.toMatch(/hires on|rated .* stars/);
  });

  it('refuses a rating below one star: freelancers rate clients 1 to 5 stars', async () => {
    const answer = await runText(`/client rating:0 reviews:5 ${POST}`, commands, ctx);
    expect(answer.code).toBe('invalid_option');
    expect(answer.reply.lead).toBe('"rating" must be at least 1 (got "0").');
  });

  it.each([
    'rating:4.9 reviews:12',
    'jobs_posted:0 hire_rate:0',
    'jobs_posted:5 hire_rate:80',
    'reviews:0',
    'jobs_posted:0',
  ])('%s is answered', async (facts) => {
    const answer = await runText(`/client ${facts} ${POST}`, commands, ctx);
    expect(answer.outcome).toBe('ok');
  });
});
