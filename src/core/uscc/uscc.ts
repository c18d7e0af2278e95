/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character set, the
 * last a check character over the first 17 with weights 3^(i-1) mod 31.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type UsccCheck = { code: string; valid: true } | { code: string; valid: false; reason: string };

/** Trim, full-width → half-width, upper-case; nothing else is repaired. */
export function normalizeUscc(input: string): string {
  return input
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** The check character for the first 17 characters, or undefined if one is outside the set. */
export function usccCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

export function checkUscc(input: string): UsccCheck {
  const code = normalizeUscc(input);
  if (code.length !== 18) return { code, valid: false, reason: `length ${code.length}, expected 18` };
  for (let i = 0; i < 18; i++) {
    const c = code.charAt(i);
    if (!USCC_CHARSET.includes(c)) return { code, valid: false, reason: `character "${c}" at position ${i + 1} is not in the USCC character set` };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected !== code.charAt(17)) return { code, valid: false, reason: `wrong check character "${code.charAt(17)}", expected "${expected}"` };
  return { code, valid: true };
}

/** The GB/T 2260 region of the registering authority (positions 3–8). */
export function usccRegion(code: string): string {
  return code.slice(2, 8);
}

/** Builds a valid code from its parts: department+type (e.g. '91'), 6-digit region, 9-character organisation code. */
export function composeUscc(prefix: string, region: string, org9: string): string {
  const first17 = `${prefix}${region}${org9}`;
  const check = usccCheckChar(first17);
  if (first17.length !== 17 || check === undefined) throw new Error(`cannot compose a USCC from ${first17}`);
  return first17 + check;
}
