import { foldChinese } from './fold.ts';

/**
 * A firm name split for matching (METHODS §2): the raw name is kept; the core is the trade name without
 * region prefixes and legal form; the legal form and a branch label (…分公司) are fields of their own.
 */
export interface NormalizedName {
  raw: string;
  core: string;
  /** e.g. 有限公司, 股份有限公司, 集团有限公司, 厂; '' when none */
  legalForm: string;
  /** the branch label, e.g. 温岭分公司 or 分公司; '' for a head office */
  branch: string;
  /** place names stripped from the name (folded, without 省/市/县/区/镇/街道/乡), e.g. ['温岭', '泽国'] */
  places: string[];
}

const FORMS = [
  '股份有限公司', '有限责任公司', '集团有限公司', '集团股份有限公司', '有限公司', '(有限合伙)', '合伙企业',
  '集团公司', '集团', '总公司', '公司', '经营部', '商行', '厂', '店',
].sort((a, b) => b.length - a.length);
const PLACE_SUFFIX = /(省|自治区|市|自治州|地区|县|自治县|区|镇|街道|乡)$/;

/** Folded place names and their stems (温岭市 → 温岭市, 温岭), longest first so 温岭市 wins over 温岭. */
export function expandPlaces(places: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of places) {
    const folded = foldChinese(p);
    if (folded === '') continue;
    out.add(folded);
    const stem = folded.replace(PLACE_SUFFIX, '');
    if (stem.length >= 2) out.add(stem);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

function stemOf(place: string): string {
  const stem = place.replace(PLACE_SUFFIX, '');
  return stem.length >= 2 ? stem : place;
}

function splitForm(name: string): { rest: string; legalForm: string } {
  for (const form of FORMS) if (name.endsWith(form) && name.length > form.length) return { rest: name.slice(0, -form.length), legalForm: form };
  return { rest: name, legalForm: '' };
}

/** `places` must come from expandPlaces (call it once per region, not per name). */
export function normalizeFirmName(raw: string, places: readonly string[]): NormalizedName {
  let name = foldChinese(raw);
  const found: string[] = [];
  let branch = '';
  const branchMatch = /^(.+?(?:有限公司|有限责任公司|公司|厂|集团))(.*分公司|.*分厂)$/.exec(name);
  if (branchMatch?.[1] && branchMatch[2]) {
    name = branchMatch[1];
    branch = branchMatch[2];
  } else if (name.endsWith('分公司') && name.length > 3) {
    name = name.slice(0, -3);
    branch = '分公司';
  }
  // place names in brackets anywhere: 大浪泵业(温岭)有限公司
  name = name.replace(/\(([^()]*)\)/g, (whole, inner: string) => {
    const p = places.find((x) => x === inner);
    if (p !== undefined) {
      found.push(stemOf(p));
      return '';
    }
    return whole === '(有限合伙)' ? whole : inner;
  });
  const { rest, legalForm } = splitForm(name);
  let core = rest;
  for (let stripped = true; stripped; ) {
    stripped = false;
    for (const p of places) {
      if (!core.startsWith(p)) continue;
      // a name that is only a place keeps it (温岭市 is not stripped to 市)
      if (core.length > p.length) {
        core = core.slice(p.length);
        found.push(stemOf(p));
        stripped = true;
      }
      break;
    }
  }
  return { raw, core, legalForm, branch, places: [...new Set(found)] };
}
