// Text shown as typed in a Discord message: the user's words stay, markdown in them renders nothing.

/** Headings, quotes and lists start a line; most text has none, so the slower pass is skipped. */
const LINE_MARK = /^\s*(?:[#>+-]|\d+\.\s)/m;

/**
 * Discord shows a backslash-escaped punctuation character as itself, so the message reads as typed
 * (Copy Text still copies the backslashes, so copy-ready text uses linksOff): `[ ]` stop masked links,
 * `<` mention and emoji chips, `\:` after a scheme the automatic link, `@everyone`/`@here` their
 * highlight, backticks code and fences.
 */
export function plainMarkdown(text: string): string {
  const escaped = text
    .replace(/[\\*_~`|[\]<]/g, '\\$&')
    .replace(/\b([a-z][a-z0-9+.-]{0,20}):\/\//gi, '$1\\://')
    .replace(/@(everyone|here)\b/g, '\\@$1');
  if (!LINE_MARK.test(escaped)) return escaped;
  return escaped.replace(/^(\s*)(?:([#>+-])|(\d+)\.(?=\s))/gm, (_, space, mark, number) =>
    mark ? `${space}\\${mark}` : `${space}${number}\\.`,
  );
}

/**
 * A copy-ready message shared in a channel: Copy Text copies the raw text, so only what would turn into
 * a live link or a mass-mention highlight is escaped (masked links, `<…>`, schemes); the rest stays as typed.
 */
export function linksOff(text: string): string {
  return text
    .replace(/[\\[\]<]/g, '\\$&')
    .replace(/\b([a-z][a-z0-9+.-]{0,20}):\/\//gi, '$1\\://')
    .replace(/@(everyone|here)\b/g, '\\@$1');
}
