import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { commonCharacters } from '../../core/names/commonCharacters.ts';
import { nameKeysOf, parseSearchText } from './search.model.ts';

/** The keys from pinyin-pro's own toneless reading of the whole name, at once. */
function wholeNameKeys(name: string) {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) => s.toLowerCase());
  const words = syllables.map((s) => s.replace(/[^a-z0-9]/g, '')).filter((s) => s.length > 0);
  return { nameSortKey: syllables.join(' '), nameInitials: words.map((w) => (/^[0-9]/.test(w) ? w : w.charAt(0))).join(''), namePinyin: words.join('') };
}

describe('nameKeysOf', () => {
  it('gives initials, full pinyin and the spaced sort key', () => {
    expect(nameKeysOf('大浪泵业')).toEqual({ nameSortKey: 'da lang beng ye', nameInitials: 'dlby', namePinyin: 'dalangbengye' });
  });

  it('reads polyphonic characters by their word', () => {
    expect(nameKeysOf('重庆长城数控').nameInitials).toBe('cqccsk');
    expect(nameKeysOf('温岭银行').namePinyin).toBe('wenlingyinhang');
  });

  it('keeps latin letters and digits, lower-cased, and drops punctuation', () => {
    const keys = nameKeysOf('ABC（温岭）3D打印');
    expect(keys.namePinyin).toBe('abcwenling3ddayin');
    expect(keys.nameInitials).toBe('awl3ddy');
  });

  it('strips tones exactly as pinyin-pro does (ü, ê, syllables without a vowel, tone sandhi)', () => {
    const names = ['吕氏绿色铝业有限公司', '嗯哼科技', '欸乃船厂', '呣呒', '一不小心', '女装厂', '略阳县略重物流', '长春长城', 'Café温岭（泽国）2号厂', '噷'];
    for (const name of names) expect(nameKeysOf(name), name).toEqual(wholeNameKeys(name));
  });

  it('reads a name ending in a legal form as the whole name reads, whatever character comes before the form', () => {
    const names = commonCharacters().flatMap((c) => ['股份有限公司', '有限责任公司', '有限公司', '公司'].map((form) => `温岭市${c}${form}`));
    names.push('调集团有限公司', 'ABC有限公司', '3D打印有限公司', '（泽国）有限公司');
    const differing = names.filter((name) => JSON.stringify(nameKeysOf(name)) !== JSON.stringify(wholeNameKeys(name)));
    expect(differing).toEqual([]);
    expect(nameKeysOf('调集团有限公司').nameInitials).toBe('djtyxgs');
  });
});

describe('parseSearchText', () => {
  it('treats plain latin letters as pinyin, ignoring case and spaces', () => {
    expect(parseSearchText(' DL by ')).toEqual({ text: 'DL by', pinyin: 'dlby', uscc: null });
  });

  it('recognises a USCC in any case or full-width', () => {
    expect(parseSearchText('91350100m000100y43').uscc).toBe('91350100M000100Y43');
    expect(parseSearchText('９１３５０１００Ｍ０００１００Ｙ４３').uscc).toBe('91350100M000100Y43');
    expect(parseSearchText('913501').uscc).toBeNull();
  });

  it('keeps Chinese text for the name and alias match only', () => {
    expect(parseSearchText('泵业')).toEqual({ text: '泵业', pinyin: null, uscc: null });
  });
});
