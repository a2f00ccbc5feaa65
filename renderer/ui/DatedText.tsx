import { datedText, type DatedText as DatedParts } from '../../shared/time/dated-text';
import { datedPartWords } from '../format/dates';

/**
 * A message from main with its dates in the reader's words and zone: an instant as the local date and time
 * ("valid until 6 Dec 2027, 17:45"), a calendar day as that day; the ISO 8601 form stays in `dateTime`.
 * `text` is the message in parts, or as main's words (shared with `aklm`, stored in the audit trail), split here.
 */
export function DatedText({ text }: { text: DatedParts | string }) {
  const parts = typeof text === 'string' ? datedText(text) : text;
  return parts.map((part, index) =>
    typeof part === 'string' ? (
      part
    ) : (
      <time key={index} dateTime={'at' in part ? part.at : part.day}>
        {datedPartWords(part)}
      </time>
    ),
  );
}
