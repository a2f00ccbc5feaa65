/**
 * Text for a terminal can come from a hostile key (claims of an unverified key) or a hostile server
 * (names, error bodies). A terminal obeys control characters wherever they appear, so an ESC, CSI or
 * carriage return in a claim could clear the line and print a fake `VALID:`. These helpers show such
 * characters as visible `\u001b`-style escapes instead.
 *
 * Escaped: C0 controls, DEL, C1 controls (U+009B is a one-character CSI), the bidirectional marks,
 * embeddings, overrides and isolates (they reorder what is shown, as in "Trojan Source"), and the
 * Unicode line and paragraph separators. The escapes are JSON's own, so JSON text stays JSON with the
 * same value: JSON.stringify leaves C1 and bidirectional characters raw, and these escape them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_OR_LINE_FEED = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function escape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Whole output meant for a terminal: line feeds separate its lines and stay; every other unsafe character is escaped. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** One line, or one value inside a line (a claim, a name): a line feed in it would forge a line of its own, so it is escaped too. */
export function terminalSafeLine(value: string): string {
  return value.replace(UNSAFE_OR_LINE_FEED, escape);
}

/** Lines for a terminal, each made safe on its own (a line feed inside one is data, not a line), each ended with a line feed. */
export function terminalLines(lines: readonly string[]): string {
  return lines.map((line) => `${terminalSafeLine(line)}\n`).join('');
}
