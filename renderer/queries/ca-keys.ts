/*
 * The CA field's query keys: one description per PEM text, so the answer shown is always the one for the
 * text in the field. Worked out in the page from the text alone: main holds nothing of it, no event touches it.
 */

const all = ['ca-pem'] as const;

export const caKeys = {
  /** What a PEM text holds (`describeCaPem`), by the text itself. */
  described: (pem: string) => [...all, 'described', pem] as const,
};
