/** Numbers of the cockpit as a reader wants them: 万元 from the API shown as 亿 where that reads better. */

const WAN_PER_YI = 10_000;

export interface Amount {
  value: number;
  unit: 'yi' | 'wan';
}

/** From 1 亿 on, amounts read in 亿 (one decimal under 100 亿); smaller ones stay in 万. */
export function toAmount(wan: number): Amount {
  if (Math.abs(wan) >= WAN_PER_YI) {
    const yi = wan / WAN_PER_YI;
    return { value: Math.abs(yi) >= 100 ? Math.round(yi) : Math.round(yi * 10) / 10, unit: 'yi' };
  }
  return { value: Math.round(wan), unit: 'wan' };
}

/** A rate 0..1 as a percentage with one decimal; null stays null (not computed). */
export function toPercent(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}

/** Growth as "+8.4" / "−3.1" (percent, one decimal) with its direction; null when not computable. */
export function growthOf(rate: number | null): { text: string; direction: 'up' | 'down' | 'flat' } | null {
  if (rate === null) return null;
  const percent = Math.round(rate * 1000) / 10;
  if (percent === 0) return { text: '0.0', direction: 'flat' };
  return { text: `${percent > 0 ? '+' : '−'}${Math.abs(percent).toFixed(1)}`, direction: percent > 0 ? 'up' : 'down' };
}

/** How much to scale a fixed 1920×1080 board to fit a viewport without scrolling. */
export function screenScale(viewport: { width: number; height: number }, board = { width: 1920, height: 1080 }): number {
  if (viewport.width <= 0 || viewport.height <= 0) return 1;
  return Math.min(viewport.width / board.width, viewport.height / board.height);
}
