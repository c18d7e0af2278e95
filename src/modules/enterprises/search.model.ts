import { pinyin } from 'pinyin-pro';
import { normalizeUscc, USCC_CHARSET } from '../../core/uscc/uscc.ts';

/** The stored search and sort keys of a firm name, written wherever a name is written. */
export interface NameKeys {
  /** syllables separated by spaces, for the pinyin sort (大浪泵业 → "da lang beng ye") */
  nameSortKey: string;
  /** initials without spaces (大浪泵业 → "dlby") */
  nameInitials: string;
  /** full pinyin without spaces (大浪泵业 → "dalangbengye") */
  namePinyin: string;
}

/**
 * Pinyin keys of a name. pinyin-pro reads whole words, so polyphonic characters get the reading of their word
 * (重庆 → chong qing, 银行 → yin hang). Latin letters and digits in a name are kept as they are, lower-cased.
 */
export function nameKeysOf(name: string): NameKeys {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((s) => s.toLowerCase());
  const words = syllables.map((s) => s.replace(/[^a-z0-9]/g, '')).filter((s) => s.length > 0);
  return {
    nameSortKey: syllables.join(' '),
    nameInitials: words.map((w) => (/^[0-9]/.test(w) ? w : w.charAt(0))).join(''),
    namePinyin: words.join(''),
  };
}

/** What a search text can match: always names and aliases; pinyin keys for plain latin letters; a USCC exactly. */
export interface SearchTerms {
  /** the text as typed (trimmed), matched as a substring of names and aliases */
  text: string;
  /** lower-case latin letters only, matched against pinyin initials and full pinyin */
  pinyin: string | null;
  /** an 18-character code from the USCC character set, normalised */
  uscc: string | null;
}

const USCC_SHAPE = new RegExp(`^[${USCC_CHARSET}]{18}$`);

export function parseSearchText(q: string): SearchTerms {
  const text = q.trim();
  const letters = text.replace(/\s+/g, '').toLowerCase();
  const code = normalizeUscc(text);
  return {
    text,
    pinyin: /^[a-z]+$/.test(letters) ? letters : null,
    uscc: USCC_SHAPE.test(code) ? code : null,
  };
}
