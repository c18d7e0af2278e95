import type { RoadSegments } from '../../core/geo/roadGraph.ts';

/** A point on a road piece: the segment and how far along it (0 at its `from` vertex, 1 at its `to`). */
export interface SegmentPosition {
  segment: number;
  fraction: number;
}

/**
 * Seconds from a point on the road to the site, given `secondsToSite` per vertex (a reverse, "in", Dijkstra from
 * the site). The point drives the rest of its segment to either end it may drive to (the partial edge's time
 * counts, as pgRouting withPoints); when the site lies on the same segment further along an allowed direction,
 * the direct drive along the segment counts too. Infinity when the site is out of reach.
 */
export function secondsToSiteFrom(segments: RoadSegments, secondsToSite: Float64Array, point: SegmentPosition, site: SegmentPosition): number {
  const s = point.segment;
  const forward = segments.forwardSeconds[s] ?? -1;
  const backward = segments.backwardSeconds[s] ?? -1;
  const from = segments.from[s] ?? 0;
  const to = segments.to[s] ?? 0;
  let best = Number.POSITIVE_INFINITY;
  if (forward >= 0) best = Math.min(best, (1 - point.fraction) * forward + (secondsToSite[to] ?? Number.POSITIVE_INFINITY));
  if (backward >= 0) best = Math.min(best, point.fraction * backward + (secondsToSite[from] ?? Number.POSITIVE_INFINITY));
  if (site.segment === s) {
    if (forward >= 0 && site.fraction >= point.fraction) best = Math.min(best, (site.fraction - point.fraction) * forward);
    if (backward >= 0 && site.fraction <= point.fraction) best = Math.min(best, (point.fraction - site.fraction) * backward);
  }
  return best;
}
