// Requests for a top rating that are not phrased as orders, and polite wordings that must pass.
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../../src/core/messages/feedbackCheck.js';

const asksForRating = [
  'A five-star review would mean a lot to me.',
  'A 5-star rating from you would really help my profile.',
  "I hope you'll give me 5 stars.",
  'I hope it earns five stars from you.',
  "I'd appreciate a perfect score.",
  'I would be grateful for top marks.',
  'Top marks would make my day!',
  'Five stars would be amazing.',
  'Hoping for a perfect rating when you close!',
  'A perfect rating is all I ask.',
  'Please rate the work 10/10.',
  'A 10/10 from you would mean the world.',
  "Don't forget the 5 stars :)",
  'Remember to leave 4.5 stars or more.',
  'It would be great if you could rate us 5 stars.',
  'Could you rate the project highly?',
  'A 5 star rating would be appreciated.',
  'Fingers crossed for a 5-star review!',
  'I am counting on a glowing review.',
  'Your five-star feedback would help me a lot.',
];

const politeWordings = [
  'Any feedback is welcome.',
  'If anything could be better, tell me.',
  'Honest feedback helps me.',
  'Your honest feedback would mean a lot to me.',
  'A review would mean a lot, whatever you think of the work.',
  'Thanks for the five-star review last month!',
  'Is there anything left that would make this five-star work for you?',
  'I aim for five-star service on every project.',
  'My 5-star reviews speak for themselves.',
  'If you have a moment, I would value your honest feedback.',
  'I hope the delivery helps your launch.',
];

describe('rating requests in any phrasing', () => {
  it.each(asksForRating)('flags %j as asking for a rating', (message) => {
    expect(checkMessage(message).map((f) => f.category)).toContain('rating');
  });

  it.each(politeWordings)('lets %j through', (message) => {
    expect(checkMessage(message)).toEqual([]);
  });
});
