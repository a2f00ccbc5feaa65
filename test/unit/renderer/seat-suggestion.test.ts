import { describe, expect, it } from 'vitest';
import {
  seatReasoningWords,
  seatSuggestion,
  suggestedAtPortalMinimum,
} from '../../../renderer/features/portal-licenses/purchase-form';

// The order form suggests today's users plus authentik's forecast growth (`forecasted_*_users`), the
// "In a year" the instance page's forecast shows: never the larger of the two.
describe('seatSuggestion', () => {
  it.each([
    { now: 12, growth: 12, suggested: 24, words: '24 suggested: 12 users today + 12 forecast growth in a year' },
    { now: 40, growth: 55, suggested: 95, words: '95 suggested: 40 users today + 55 forecast growth in a year' },
    { now: 30, growth: 0, suggested: 30, words: '30 suggested: 30 users today + 0 forecast growth in a year' },
    { now: 0, growth: 7, suggested: 7, words: '7 suggested: 0 users today + 7 forecast growth in a year' },
    { now: 1, growth: 0, suggested: 1, words: '1 suggested: 1 user today + 0 forecast growth in a year' },
    {
      now: 0,
      growth: 0,
      suggested: 1,
      words: '1 suggested, the portal’s minimum: 0 users today + 0 forecast growth in a year',
    },
  ])('internal: $now today + $growth growth → $suggested', ({ now, growth, suggested, words }) => {
    const suggestion = seatSuggestion({
      internalUsers: now,
      externalUsers: 5,
      forecastedInternalUsers: growth,
      forecastedExternalUsers: 60,
    });
    expect(suggestion.internal).toBe(suggested);
    expect(suggestedAtPortalMinimum(suggestion, 'internal')).toBe(now + growth < 1);
    expect(seatReasoningWords(suggestion, 'internal')).toBe(words);
    // The other kind follows the same rule on its own numbers.
    expect(suggestion.external).toBe(65);
  });

  it.each([
    { now: 3, growth: 36, suggested: 39 },
    { now: 0, growth: 0, suggested: 1 },
  ])('external: $now today + $growth growth → $suggested', ({ now, growth, suggested }) => {
    const suggestion = seatSuggestion({
      internalUsers: 12,
      externalUsers: now,
      forecastedInternalUsers: 12,
      forecastedExternalUsers: growth,
    });
    expect([suggestion.internal, suggestion.external]).toEqual([24, suggested]);
  });
});
