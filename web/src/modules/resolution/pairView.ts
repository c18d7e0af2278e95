import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { ReviewPairDetail } from './resolutionApi.ts';

export interface SideRow {
  labelKey: MessageKey;
  left: string;
  right: string;
  /** both present and different: shown highlighted */
  isDifferent: boolean;
}

const FIELDS = [
  ['review.field.name', 'name'],
  ['review.field.uscc', 'uscc'],
  ['review.field.address', 'address'],
  ['review.field.town', 'townName'],
  ['review.field.scale', 'scale'],
] as const satisfies readonly (readonly [MessageKey, keyof ReviewPairDetail['left']])[];

/** The rows of the side-by-side comparison: one per field, '—' where a side has no value. */
export function sideBySide(pair: Pick<ReviewPairDetail, 'left' | 'right'>): SideRow[] {
  return FIELDS.map(([labelKey, field]) => {
    const a = pair.left[field];
    const b = pair.right[field];
    const left = a === null || a === undefined || a === '' ? '—' : String(a);
    const right = b === null || b === undefined || b === '' ? '—' : String(b);
    return { labelKey, left, right, isDifferent: left !== '—' && right !== '—' && left !== right };
  });
}

const PART_KEYS = {
  name: 'review.part.name',
  tradeNameShared: 'review.part.tradeNameShared',
  town: 'review.part.town',
  townUnconfirmed: 'review.part.townUnconfirmed',
  road: 'review.part.road',
  number: 'review.part.number',
  branch: 'review.part.branch',
} as const satisfies Record<string, MessageKey>;

const VALUE_KEYS = {
  agree: 'review.value.agree',
  disagree: 'review.value.disagree',
  same: 'review.value.same',
  differs: 'review.value.differs',
  true: 'review.value.true',
  false: 'review.value.false',
} as const satisfies Record<string, MessageKey>;

function isKeyOf<T extends object>(map: T, key: string): key is Extract<keyof T, string> {
  return Object.hasOwn(map, key);
}

/**
 * Score parts worth showing, as message keys: the name similarity (a number) and each part that was compared;
 * parts the page has no label for, and address parts that could not be compared, are left out.
 */
export interface ScorePart {
  labelKey: MessageKey;
  value: number | MessageKey;
}

export function scoreParts(parts: Record<string, unknown> | null): ScorePart[] {
  if (parts === null) return [];
  return Object.entries(parts).flatMap(([key, value]): ScorePart[] => {
    if (!isKeyOf(PART_KEYS, key)) return [];
    if (typeof value === 'number') return [{ labelKey: PART_KEYS[key], value }];
    const text = String(value);
    return isKeyOf(VALUE_KEYS, text) ? [{ labelKey: PART_KEYS[key], value: VALUE_KEYS[text] }] : [];
  });
}

/** The message key of a firm's scale, or null when the value is not a known scale. */
export function scaleKey(scale: string): MessageKey | null {
  return scale === 'above' ? 'scale.above' : scale === 'below' ? 'scale.below' : null;
}

/** The label of a pair's rule; an unknown rule is shown as stored. */
export function ruleKey(rule: string): MessageKey | null {
  return rule === 'name' ? 'review.rule.name' : rule === 'uscc' ? 'review.rule.uscc' : null;
}
