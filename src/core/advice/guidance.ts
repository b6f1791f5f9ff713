// The course's reasoning for questions no figure answers alone: ending a contract, more invites.

export const ENDING = {
  well: 'Let the client end it: a client who closes the contract must fill in the feedback fields, which is what your score needs.',
  badly:
    'End it yourself once everything has been tried: closing a failing contract yourself makes negative feedback less likely.',
  notYet:
    'Not yet: first try what is left (ask what would make it right, offer a fix within scope); end it yourself only once that has failed.',
} as const;

/** What the course author believes raises search rank and invites (not confirmed by Upwork). */
export const INVITE_HELPERS = {
  fromWork: 'a new job, an approved milestone, a 5-star close, repeat hiring and a higher average client spend',
  inYourControl:
    'updating your profile, new portfolio work tagged with skills, rechecked skill tags, regular proposals and replies to client feedback',
} as const;
