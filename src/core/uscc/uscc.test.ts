import { describe, expect, it } from 'vitest';
import { checkUscc, composeUscc, USCC_CHARSET, usccRegion } from './uscc.ts';

const KNOWN_VALID = ['91350100M000100Y43', '91340100MA8NEH400Q', '91440106074639077N'];

describe('checkUscc', () => {
  it.each(KNOWN_VALID)('accepts the published valid code %s', (code) => {
    expect(checkUscc(code)).toEqual({ code, valid: true });
  });

  it('rejects every single-character change of a valid code', () => {
    for (const code of KNOWN_VALID) {
      for (let i = 0; i < 18; i++) {
        for (const c of USCC_CHARSET) {
          if (c === code[i]) continue;
          const changed = code.slice(0, i) + c + code.slice(i + 1);
          expect(checkUscc(changed).valid, changed).toBe(false);
        }
      }
    }
  });

  it('names the fault: length, character outside the set, wrong check character with the expected one', () => {
    expect(checkUscc('91350100M000100Y4')).toMatchObject({ valid: false, reason: 'length 17, expected 18' });
    expect(checkUscc('91350100M000I00Y43')).toMatchObject({ valid: false, reason: expect.stringContaining('"I" at position 13') });
    expect(checkUscc('91350100M000100Y44')).toMatchObject({ valid: false, reason: 'wrong check character "4", expected "3"' });
  });

  it('normalises full-width characters, case and spaces only', () => {
    expect(checkUscc(' ９１350100m000100y43 ')).toEqual({ code: '91350100M000100Y43', valid: true });
  });
});

describe('composeUscc', () => {
  it('builds codes that validate and carry their region in positions 3–8', () => {
    const code = composeUscc('91', '331081', 'MA2K3L4P5');
    expect(checkUscc(code).valid).toBe(true);
    expect(usccRegion(code)).toBe('331081');
  });
});
