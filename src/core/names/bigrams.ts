/**
 * Character bigrams of a core name with boundary markers (^大, 大浪, 浪泵, 泵业, 业$), as a sorted, de-duplicated
 * list. The markers make one changed character cost two bigrams of five rather than two of three, so a typo in
 * a four-character core still scores about 0.6 (review) instead of 0.33.
 */
export function bigramsOf(core: string): string[] {
  const chars = [...core];
  if (chars.length === 0) return [];
  const padded = ['^', ...chars, '$'];
  const out = new Set<string>();
  for (let i = 0; i + 1 < padded.length; i++) out.add(`${padded[i]}${padded[i + 1]}`);
  return [...out].sort();
}

/** Sørensen–Dice coefficient 2|A∩B| / (|A|+|B|) of two sorted, de-duplicated lists; 0 when both are empty. */
export function diceSorted<T extends string | number>(a: readonly T[], b: readonly T[]): number {
  if (a.length + b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x === undefined || y === undefined) break;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / (a.length + b.length);
}
