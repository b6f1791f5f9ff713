// The rest of a profile beyond the overview (seed 000): skills, portfolio, availability, video, earnings.

export interface ProfileOptions {
  skills?: number;
  portfolio?: number;
  availability?: boolean;
  video?: boolean;
  media?: boolean;
  earningsHidden?: boolean;
  rateLowered?: boolean;
}

export interface ChecklistItem {
  item: string;
  done: boolean | undefined;
  advice: string;
}

const MIN_SKILLS = 5;

/** One line per part of the profile the user told us about; undefined `done` when they did not say. */
export function profileChecklist(o: ProfileOptions): ChecklistItem[] {
  const items: ChecklistItem[] = [
    {
      item: 'Skills',
      done: o.skills === undefined ? undefined : o.skills >= MIN_SKILLS,
      advice: `tag the skills clients search for (you have ${o.skills ?? '?'}); recheck them now and then.`,
    },
    {
      item: 'Portfolio',
      done: o.portfolio === undefined ? undefined : o.portfolio > 0,
      advice: 'add portfolio items, each tagged with its skills: new work there is something clients can open.',
    },
    {
      item: 'Availability',
      done: o.availability,
      advice: 'keep your availability up to date; Top Rated asks for it too.',
    },
    {
      item: 'Video',
      done: o.media === undefined ? undefined : o.media ? o.video === true : true,
      advice: o.media
        ? 'add a short video introduction: for media work it shows what you do.'
        : 'a video is for media work; without it, skip it.',
    },
    {
      item: 'Earnings',
      done: o.rateLowered === undefined ? undefined : o.rateLowered ? o.earningsHidden === true : true,
      advice: o.rateLowered
        ? 'hide your earnings while your rates are lowered, so clients do not come to expect small amounts.'
        : 'showing earnings is fine once your rates are where you want them.',
    },
  ];
  return items;
}
