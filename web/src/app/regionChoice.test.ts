import { describe, expect, it } from 'vitest';
import type { Region } from '../api/schemas.ts';
import { isShowingDemoData } from './isShowingDemoData.ts';
import { pickRegion, regionName } from './regionChoice.ts';

const wenling: Region = { regionCode: '331081', nameZh: '温岭市', nameEn: 'Wenling', hasSyntheticData: false };
const yuhuan: Region = { regionCode: '331083', nameZh: '玉环市', nameEn: null, hasSyntheticData: true };

describe('pickRegion', () => {
  it('reopens the remembered region while it is allowed, else the first', () => {
    expect(pickRegion([wenling, yuhuan], '331083')).toBe(yuhuan);
    expect(pickRegion([wenling, yuhuan], '330100')).toBe(wenling);
    expect(pickRegion([wenling], null)).toBe(wenling);
    expect(pickRegion([], '331081')).toBeUndefined();
  });
});

describe('regionName', () => {
  it('shows the English name in English when there is one', () => {
    expect(regionName(wenling, 'en')).toBe('Wenling');
    expect(regionName(wenling, 'zh-CN')).toBe('温岭市');
    expect(regionName(yuhuan, 'en')).toBe('玉环市');
  });
});

describe('isShowingDemoData', () => {
  it('is true when the region or a shown row is synthetic', () => {
    expect(isShowingDemoData({ regionHasSyntheticData: false, isPageShowingSyntheticRows: false })).toBe(false);
    expect(isShowingDemoData({ regionHasSyntheticData: true, isPageShowingSyntheticRows: false })).toBe(true);
    expect(isShowingDemoData({ regionHasSyntheticData: false, isPageShowingSyntheticRows: true })).toBe(true);
  });
});
