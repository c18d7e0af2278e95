import { describe, expect, it } from 'vitest';
import { ruleKey, scaleKey, scoreParts, sideBySide } from './pairView.ts';

const side = (name: string, address: string | null, uscc: string | null = null) => ({ enterpriseId: 'x', name, uscc, address, townName: null, scale: null, version: 1 });

describe('sideBySide', () => {
  it('marks a field different only when both sides have a value and they differ', () => {
    const rows = sideBySide({ left: side('大浪泵业有限公司', '文昌路88号'), right: side('大浪泵业股份有限公司', null) });
    expect(rows[0]).toEqual({ labelKey: 'review.field.name', left: '大浪泵业有限公司', right: '大浪泵业股份有限公司', isDifferent: true });
    expect(rows[2]).toEqual({ labelKey: 'review.field.address', left: '文昌路88号', right: '—', isDifferent: false });
    expect(rows.map((r) => r.labelKey)).toHaveLength(5);
  });
});

describe('scoreParts', () => {
  it('labels compared parts, keeps the name similarity as a number and drops unknown or unlabelled ones', () => {
    expect(scoreParts({ name: 0.6, town: 'agree', road: 'unknown', factor: 1, branch: 'differs', townUnconfirmed: false })).toEqual([
      { labelKey: 'review.part.name', value: 0.6 },
      { labelKey: 'review.part.town', value: 'review.value.agree' },
      { labelKey: 'review.part.branch', value: 'review.value.differs' },
      { labelKey: 'review.part.townUnconfirmed', value: 'review.value.false' },
    ]);
    expect(scoreParts(null)).toEqual([]);
  });
});

describe('scaleKey', () => {
  it('maps known scales to their labels', () => {
    expect([scaleKey('above'), scaleKey('below'), scaleKey('x')]).toEqual(['scale.above', 'scale.below', null]);
    expect([ruleKey('name'), ruleKey('uscc'), ruleKey('manual')]).toEqual(['review.rule.name', 'review.rule.uscc', null]);
  });
});
