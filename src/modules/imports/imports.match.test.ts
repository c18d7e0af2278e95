import { describe, expect, it } from 'vitest';
import { Written } from './imports.match.ts';

describe('Written', () => {
  it('finds written firms without a USCC by their current name, and forgets a name or a firm once it changes', () => {
    const written = new Written();
    written.set({ id: 'a', name: '大浪泵业有限公司', uscc: null, townCode: null });
    written.set({ id: 'b', name: '大浪泵业有限公司', uscc: null, townCode: null });
    written.set({ id: 'c', name: '东海机电有限公司', uscc: '91331081MA2AXXXX1B', townCode: null });
    expect([...(written.withoutUsccNamed('大浪泵业有限公司') ?? [])]).toEqual(['a', 'b']);
    expect(written.withoutUsccNamed('东海机电有限公司')).toBeUndefined();
    written.set({ id: 'a', name: '大朗泵业有限公司', uscc: null, townCode: null }); // renamed
    written.set({ id: 'b', name: '大浪泵业有限公司', uscc: '91331081MA2AXXXX2C', townCode: null }); // given a USCC
    expect([...(written.withoutUsccNamed('大浪泵业有限公司') ?? [])]).toEqual([]);
    expect([...(written.withoutUsccNamed('大朗泵业有限公司') ?? [])]).toEqual(['a']);
    expect(written.byId.get('b')?.uscc).toBe('91331081MA2AXXXX2C');
  });
});
