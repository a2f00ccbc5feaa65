import { z } from 'zod';

/** An ISO 8601 instant as main writes one into a message: `2027-12-06T16:45:19Z`, `2026-12-06T16:45:19.640Z`. */
const INSTANT = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z`;
/** A bare calendar date (`2027-12-06`) in prose: not part of a file name or an identifier around it. */
const DAY = String.raw`(?<![\w.:/-])\d{4}-\d{2}-\d{2}(?![\w:/-])`;
const DATED = new RegExp(`(${INSTANT})|(${DAY})`, 'g');

const instantSchema = z.object({ at: z.iso.datetime() });
const daySchema = z.object({ day: z.iso.date() });
type DatePart = z.infer<typeof instantSchema> | z.infer<typeof daySchema>;

/**
 * Each date in a message with where it starts and ends. A key's claims can put any text in a message, so
 * what only looks like a date ("2027-13-45") is not one.
 */
function datesIn(message: string): { date: DatePart; start: number; end: number }[] {
  return [...message.matchAll(DATED)].flatMap((match) => {
    const [text, instant] = match;
    const date = instant === undefined ? daySchema.safeParse({ day: text }) : instantSchema.safeParse({ at: text });
    return date.success ? [{ date: date.data, start: match.index, end: match.index + text.length }] : [];
  });
}

/** Words without a date in them: a date is always a part of its own. */
const plainSchema = z.string().refine((text) => datesIn(text).length === 0, 'holds a date');

/**
 * A message for the page in parts: words, and the instants (`at`) and calendar days (`day`) it names, which
 * the page writes in the reader's words and zone. main's messages are shared with `aklm`, which prints
 * them with ISO 8601 dates; the page never shows those outside technical details.
 */
export const datedTextSchema = z.array(z.union([plainSchema, instantSchema, daySchema]));

export type DatedText = z.infer<typeof datedTextSchema>;

/** Splits a message at its ISO 8601 instants and calendar dates; joining the parts' text gives it back. */
export function datedText(message: string): DatedText {
  const parts: DatedText = [];
  let rest = 0;
  for (const { date, start, end } of datesIn(message)) {
    if (start > rest) parts.push(message.slice(rest, start));
    parts.push(date);
    rest = end;
  }
  if (rest < message.length) parts.push(message.slice(rest));
  return parts;
}
