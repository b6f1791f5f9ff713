// Characters that change how text displays without being visible: removed from everything users type,
// so a stored name shows as what it is (a bidi override can make "Acme" read as something else).

// C0 controls except tab and newline, DEL and C1 controls.
const CONTROL = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';
// Bidirectional embeddings, overrides and isolates, and the left-to-right / right-to-left / Arabic marks.
const BIDI = '\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C';
// Zero-width space, non-joiner, joiner, word joiner and the byte-order mark.
const ZERO_WIDTH = '\\u200B-\\u200D\\u2060\\uFEFF';
const INVISIBLE = new RegExp(`[${CONTROL}${BIDI}${ZERO_WIDTH}]`, 'gu');

export function cleanText(text: string): string {
  return text.replace(INVISIBLE, '');
}
