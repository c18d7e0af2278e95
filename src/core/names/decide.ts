/** Thresholds of METHODS §2: ≥ auto → automatic match, ≥ review → queued for a person, below → a new firm. */
export interface Thresholds {
  auto: number;
  review: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { auto: 0.8, review: 0.5 };

export type MatchDecision = 'auto' | 'review' | 'new';

export function decideMatch(score: number, thresholds: Thresholds = DEFAULT_THRESHOLDS): MatchDecision {
  if (score >= thresholds.auto) return 'auto';
  if (score >= thresholds.review) return 'review';
  return 'new';
}
