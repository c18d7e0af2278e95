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
 * pinyin-pro's own toneless output runs nine regular expressions over every syllable (half of its time on a
 * 100k-row import); there are only about 1,600 toned syllables, so each is stripped once and remembered.
 */
export function nameKeysOf(name: string): NameKeys {
  for (const ending of FIXED_ENDINGS) {
    if (name.length <= ending.length || !name.endsWith(ending)) continue;
    const head = keysOf(name.slice(0, -ending.length));
    const tail = endingKeys.get(ending) ?? keysOf(ending);
    endingKeys.set(ending, tail);
    return { nameSortKey: `${head.nameSortKey} ${tail.nameSortKey}`, nameInitials: head.nameInitials + tail.nameInitials, namePinyin: head.namePinyin + tail.namePinyin };
  }
  return keysOf(name);
}

/**
 * Legal-form endings that read the same whatever comes before them, so that their keys are made once: most firm
 * names end in one, and pinyin-pro's time grows with the length of the text. Checked against the whole names'
 * keys for every one of the 3,755 common characters before each (search.model.test.ts) and for 100k bench
 * names. 集团有限公司 is not among them: 调集团 reads diào jí tuán as a whole, 调 tiáo alone.
 */
const FIXED_ENDINGS = ['股份有限公司', '有限责任公司', '有限公司', '公司'];
const endingKeys = new Map<string, NameKeys>();

function keysOf(name: string): NameKeys {
  const items = pinyin(name, { type: 'array', nonZh: 'consecutive' });
  let nameSortKey = '';
  let nameInitials = '';
  let namePinyin = '';
  for (let i = 0; i < items.length; i++) {
    const keys = syllableKeysOf(items[i] ?? '');
    nameSortKey += i === 0 ? keys.spaced : ` ${keys.spaced}`;
    nameInitials += keys.initial;
    namePinyin += keys.word;
  }
  return { nameSortKey, nameInitials, namePinyin };
}

interface SyllableKeys {
  /** lower-cased, without tone marks: the sort key's word */
  spaced: string;
  /** what the initials take: a word's first letter, or all of it when it starts with a digit */
  initial: string;
  /** latin letters and digits only */
  word: string;
}

/** Toned pinyin as pinyin-pro writes it (lower-case letters, tone marks, ü, ê and combining tone marks). */
const TONED_SYLLABLE = /^(?:[a-zāáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜüńňǹḿêếề]|\u0304|\u030c|\u0300)+$/;
const TONE_MARKED = /[āáǎàōóǒòēéěèīíǐìūúǔùǖǘǚǜńňǹḿếề]|[nmê][\u0304\u030c\u0300]/g;
const TONELESS: Record<string, string> = { ā: 'a', á: 'a', ǎ: 'a', à: 'a', ō: 'o', ó: 'o', ǒ: 'o', ò: 'o', ē: 'e', é: 'e', ě: 'e', è: 'e', ī: 'i', í: 'i', ǐ: 'i', ì: 'i', ū: 'u', ú: 'u', ǔ: 'u', ù: 'u', ǖ: 'ü', ǘ: 'ü', ǚ: 'ü', ǜ: 'ü', ń: 'n', ň: 'n', ǹ: 'n', ḿ: 'm', ế: 'ê', ề: 'ê' };
const syllableCache = new Map<string, SyllableKeys>();

function syllableKeysOf(item: string): SyllableKeys {
  const cached = syllableCache.get(item);
  if (cached) return cached;
  // only syllables are remembered: they are few, while the other items are the name's own latin runs and signs
  const isSyllable = TONED_SYLLABLE.test(item);
  const spaced = (isSyllable ? item.replace(TONE_MARKED, (m) => TONELESS[m] ?? m.charAt(0)) : item).toLowerCase();
  const word = spaced.replace(/[^a-z0-9]/g, '');
  const keys = { spaced, initial: /^[0-9]/.test(word) ? word : word.charAt(0), word };
  if (isSyllable) syllableCache.set(item, keys);
  return keys;
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
