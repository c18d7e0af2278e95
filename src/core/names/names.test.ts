import { describe, expect, it } from 'vitest';
import { Rng } from '../random/seeded.ts';
import { tokenizeAddress } from './addressTokens.ts';
import { bigramsOf, diceSorted } from './bigrams.ts';
import { forEachCandidatePair } from './candidatePairs.ts';
import { commonCharacters } from './commonCharacters.ts';
import { decideMatch } from './decide.ts';
import { findDuplicatePairs } from './findDuplicatePairs.ts';
import { FirmIndex } from './firmIndex.ts';
import { foldChinese } from './fold.ts';
import { normalizeFirmName } from './normalizeFirmName.ts';
import { buildPlaceContext } from './placeContext.ts';
import { prepareRecord } from './prepareRecord.ts';
import { scoreFirmPair } from './scoreFirmPair.ts';

const ctx = buildPlaceContext({ regions: ['浙江省', '台州市', '温岭市'], towns: ['泽国镇', '大溪镇', '城东街道', '太平街道', '城南镇'] });

describe('normalizeFirmName', () => {
  it('strips region prefixes of the tenant and its parents, splits the legal form and keeps the raw name', () => {
    const n = normalizeFirmName('浙江省温岭市大浪泵业股份有限公司', ctx.places);
    expect(n).toEqual({ raw: '浙江省温岭市大浪泵业股份有限公司', core: '大浪泵业', legalForm: '股份有限公司', branch: '', places: ['浙江', '温岭'] });
  });

  it('folds full-width characters and traditional characters, and drops a bracketed place', () => {
    expect(normalizeFirmName('大浪泵業（溫嶺）有限責任公司', ctx.places).core).toBe('大浪泵业');
    expect(normalizeFirmName('ＡＢＣ机電有限公司', ctx.places).core).toBe('ABC机电');
  });

  it('splits a branch off as its own field', () => {
    const n = normalizeFirmName('温岭市大浪泵业有限公司泽国分公司', ctx.places);
    expect([n.core, n.legalForm, n.branch]).toEqual(['大浪泵业', '有限公司', '泽国分公司']);
  });

  it('records a stripped town prefix and recognises 厂 as a legal form', () => {
    const n = normalizeFirmName('泽国大浪泵业厂', ctx.places);
    expect([n.core, n.legalForm, n.places]).toEqual(['大浪泵业', '厂', ['泽国']]);
  });

  it('keeps a name that is only a place', () => {
    expect(normalizeFirmName('温岭市', ctx.places).core).toBe('温岭市');
  });
});

describe('tokenizeAddress', () => {
  it('reads town, road and house number after the province, city and county', () => {
    expect(tokenizeAddress('浙江省温岭市泽国镇文昌路88号', ctx.places, ctx.towns)).toEqual({ town: '泽国', road: '文昌路', number: '88' });
  });

  it('reads a road that starts with a town-like word (城南镇太平南路) and full-width digits', () => {
    expect(tokenizeAddress('温岭市城南镇太平南路２２号', ctx.places, ctx.towns)).toEqual({ town: '城南', road: '太平南路', number: '22' });
  });

  it('gives nulls for an empty address', () => {
    expect(tokenizeAddress('', ctx.places, ctx.towns)).toEqual({ town: null, road: null, number: null });
  });
});

describe('bigram Dice', () => {
  it('marks the boundaries so that one typo in four characters still scores 0.6', () => {
    expect(bigramsOf('大浪泵业')).toEqual(['^大', '业$', '大浪', '泵业', '浪泵'].sort());
    expect(diceSorted(bigramsOf('大浪泵业'), bigramsOf('大朗泵业'))).toBeCloseTo(0.6, 9);
    expect(diceSorted(bigramsOf('大浪泵业'), bigramsOf('大浪泵业'))).toBe(1);
    expect(diceSorted([], [])).toBe(0);
  });
});

describe('scoreFirmPair', () => {
  const score = (a: [string, string], b: [string, string]) => scoreFirmPair(prepareRecord(a[0], a[1], ctx), prepareRecord(b[0], b[1], ctx), ctx.towns);

  it('scores a legal-form change at the same address as an automatic match', () => {
    const s = score(['温岭市大浪泵业有限公司', '泽国镇文昌路88号'], ['大浪泵业股份有限公司', '浙江省温岭市泽国镇文昌路88号']);
    expect(s.score).toBe(1);
    expect(decideMatch(s.score)).toBe('auto');
    expect(s.parts).toMatchObject({ town: 'agree', road: 'agree', number: 'agree', branch: 'same' });
  });

  it('drops the same core in another town below the review threshold', () => {
    const s = score(['泽国大浪泵业厂', ''], ['大溪大浪泵业厂', '']);
    expect(s.parts.town).toBe('disagree');
    expect(decideMatch(s.score)).toBe('new');
  });

  it('sends a branch against its head office to review, not to an automatic match', () => {
    const s = score(['温岭市大浪泵业有限公司', ''], ['温岭市大浪泵业有限公司泽国分公司', '']);
    expect(s.parts.branch).toBe('differs');
    expect(decideMatch(s.score)).toBe('review');
  });

  it('penalises a different house number on the same road', () => {
    const s = score(['大浪泵业有限公司', '文昌路88号'], ['大浪泵业有限公司', '文昌路90号']);
    expect(s.parts.number).toBe('disagree');
    expect(s.score).toBeCloseTo(0.8, 9);
  });

  it('sends a typo to review and a firm sharing only the industry word to new', () => {
    expect(decideMatch(score(['温岭市大浪泵业有限公司', ''], ['温岭市大朗泵业有限公司', '']).score)).toBe('review');
    expect(decideMatch(score(['温岭市兴力流体设备有限公司', ''], ['温岭市恒铭流体设备有限公司', '']).score)).toBe('new');
  });

  it('holds a town-prefixed name the other side cannot place below automatic', () => {
    expect(decideMatch(score(['泽国大浪泵业厂', ''], ['温岭市大浪泵业有限公司', '']).score)).toBe('review');
    expect(decideMatch(score(['泽国大浪泵业厂', ''], ['温岭市大浪泵业有限公司', '泽国镇文昌路8号']).score)).toBe('auto');
  });
});

describe('decideMatch', () => {
  it('uses ≥ 0.8 auto, 0.5–0.8 review, < 0.5 new by default and takes other thresholds', () => {
    expect([0.8, 0.79, 0.5, 0.49].map((s) => decideMatch(s))).toEqual(['auto', 'review', 'review', 'new']);
    expect(decideMatch(0.7, { auto: 0.7, review: 0.4 })).toBe('auto');
  });
});

describe('forEachCandidatePair', () => {
  it('finds exactly the pairs an all-pairs scan finds at the threshold (random names from a small alphabet)', () => {
    const rng = new Rng(7);
    const alphabet = [...'恒鑫宏瑞泰丰华盛泵业机电'];
    const lists = Array.from({ length: 400 }, () => bigramsOf(Array.from({ length: rng.int(1, 6) }, () => rng.pick(alphabet)).join('')));
    for (const t of [0.5, 0.8]) {
      const got: string[] = [];
      forEachCandidatePair(lists, t, ({ a, b, dice }) => got.push(`${a}-${b}-${dice.toFixed(6)}`));
      const expected: string[] = [];
      for (let a = 0; a < lists.length; a++) {
        for (let b = a + 1; b < lists.length; b++) {
          const d = diceSorted(lists[a] ?? [], lists[b] ?? []);
          if (d >= t) expected.push(`${a}-${b}-${d.toFixed(6)}`);
        }
      }
      expect(got.sort()).toEqual(expected.sort());
      expect(expected.length).toBeGreaterThan(100);
    }
  });
});

describe('findDuplicatePairs', () => {
  const A = '91350100M000100Y43';
  const B = '91340100MA8NEH400Q';

  it('pairs the same USCC automatically with score 1 whatever the names, and never pairs two different USCCs', () => {
    const pairs = findDuplicatePairs(
      [
        { id: 'b', name: '温岭市大浪泵业有限公司', uscc: A },
        { id: 'a', name: '温岭市东海机电有限公司', uscc: A },
        { id: 'c', name: '温岭市大浪泵业有限公司', uscc: B },
        { id: 'd', name: '温岭市大浪泵业股份有限公司', uscc: null },
      ],
      ctx,
    );
    expect(pairs).toEqual([
      { idA: 'a', idB: 'b', score: 1, decision: 'auto', rule: 'uscc' },
      { idA: 'b', idB: 'd', score: 1, decision: 'auto', rule: 'name' },
      { idA: 'c', idB: 'd', score: 1, decision: 'auto', rule: 'name' },
    ]);
  });

  it('leaves out pairs below the review threshold and sorts by id', () => {
    const pairs = findDuplicatePairs(
      [
        { id: '3', name: '温岭市大朗泵业有限公司' },
        { id: '1', name: '温岭市大浪泵业有限公司' },
        { id: '2', name: '温岭市海天鞋业有限公司' },
      ],
      ctx,
    );
    expect(pairs.map((p) => [p.idA, p.idB, p.decision])).toEqual([['1', '3', 'review']]);
  });
});

describe('foldChinese', () => {
  it('folds full-width forms, traditional characters, spaces, case and brackets', () => {
    expect(foldChinese('東業機電 ａｂｃ１２【Straße】')).toBe('东业机电ABC12(STRASSE)');
  });

  it('gives a name that needs no folding back as it is, as the character loop would', () => {
    // A traditional character at the end forces the character loop; folding works character by character.
    const rng = new Rng(3);
    const alphabet = [...'大浪泵业東機ａ１ 　a Z【】〔］ß有限公司(3'];
    for (let k = 0; k < 500; k++) {
      const s = Array.from({ length: rng.int(1, 8) }, () => rng.pick(alphabet)).join('');
      expect(foldChinese(s)).toBe(foldChinese(`${s}東`).slice(0, -1));
    }
  });
});

describe('FirmIndex', () => {
  it('returns every indexed firm with Dice ≥ threshold, as a full scan would', () => {
    const rng = new Rng(11);
    const alphabet = [...'恒鑫宏瑞泰丰华泵业机'];
    const corpus = Array.from({ length: 300 }, () => Array.from({ length: rng.int(2, 9) }, () => rng.pick(alphabet)).join(''));
    const index = new FirmIndex(corpus);
    for (let q = 0; q < 90; q++) {
      const threshold = [0.3, 0.5, 0.8][q % 3] ?? 0.5;
      const query = Array.from({ length: rng.int(2, 9) }, () => rng.pick(alphabet)).join('');
      const got = index.query(query, threshold).map((m) => m.index).sort((a, b) => a - b);
      const expected = corpus.flatMap((c, i) => (diceSorted(bigramsOf(query), bigramsOf(c)) >= threshold ? [i] : []));
      expect(got).toEqual(expected);
    }
  });

  it('finds what a full scan finds in a corpus with tens of thousands of bigrams, with the shared-character rule', () => {
    const rng = new Rng(14);
    const alphabet = commonCharacters().slice(0, 1500);
    const core = () => Array.from({ length: rng.int(2, 7) }, () => rng.pick(alphabet)).join('');
    const corpus = Array.from({ length: 4000 }, core);
    const keys = corpus.map((c) => c.slice(0, 2));
    const index = new FirmIndex(corpus, keys);
    for (let q = 0; q < 200; q++) {
      // half the queries are indexed names with one character changed, so that there is something to find
      const base = corpus[rng.int(0, corpus.length - 1)] ?? '';
      const query = q % 2 === 0 ? core() : `${base.slice(0, -1)}${rng.pick(alphabet)}`;
      const shared = { key: query.slice(0, 2), threshold: 0.3 };
      const got = index.query(query, 0.6, shared).map((m) => m.index).sort((a, b) => a - b);
      const expected = corpus.flatMap((c, i) => {
        const dice = diceSorted(bigramsOf(query), bigramsOf(c));
        const sharesKey = [...(keys[i] ?? '')].some((ch) => shared.key.includes(ch));
        return dice >= 0.6 || (sharesKey && dice >= shared.threshold) ? [i] : [];
      });
      expect(got).toEqual(expected);
    }
  });

  it('reads the bigrams of bigramsOf, markers, repeats and characters outside the BMP included', () => {
    // 𠮷 (U+20BB7) is two UTF-16 code units; ^ and $ in a name are the markers' own characters, as in bigramsOf
    const rng = new Rng(13);
    const alphabet = [...'𠮷𠀀泵业^$aA1 '];
    const corpus = Array.from({ length: 200 }, () => Array.from({ length: rng.int(1, 6) }, () => rng.pick(alphabet)).join(''));
    const index = new FirmIndex(corpus);
    for (const query of corpus.slice(0, 60)) {
      const got = index.query(query, 0.01).map((m) => [m.index, m.dice]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
      const expected = corpus.flatMap((c, i) => {
        const dice = diceSorted(bigramsOf(query), bigramsOf(c));
        return dice >= 0.01 ? [[i, dice]] : [];
      });
      expect(got).toEqual(expected);
    }
    expect(index.query('', 0.5)).toEqual([]);
  });

  it('finds firms with names longer than the posting lists are split by', () => {
    const long = (seed: string) => Array.from({ length: 300 }, (_, k) => String.fromCodePoint(0x4e00 + ((k * 7 + seed.charCodeAt(0)) % 500))).join('');
    const cores = [long('a'), `${long('a')}泵业`, long('b'), '大浪泵业'];
    const index = new FirmIndex(cores);
    for (const query of cores) {
      const got = index.query(query, 0.5).map((m) => m.index).sort((a, b) => a - b);
      expect(got).toEqual(cores.flatMap((c, i) => (diceSorted(bigramsOf(query), bigramsOf(c)) >= 0.5 ? [i] : [])));
    }
  });

  it('finds the same firms when they are added one by one after construction', () => {
    const rng = new Rng(12);
    const alphabet = [...'恒鑫宏瑞泰丰华泵业机'];
    const cores = Array.from({ length: 200 }, () => Array.from({ length: rng.int(2, 6) }, () => rng.pick(alphabet)).join(''));
    const built = new FirmIndex(cores, cores.map((c) => c.slice(0, 2)));
    const grown = new FirmIndex();
    for (const c of cores) grown.add(c, c.slice(0, 2));
    expect(grown.size).toBe(200);
    for (let q = 0; q < 30; q++) {
      const core = Array.from({ length: rng.int(2, 6) }, () => rng.pick(alphabet)).join('');
      const shared = { key: core.slice(0, 2), threshold: 0.4 };
      expect(grown.query(core, 0.7, shared)).toEqual(built.query(core, 0.7, shared));
    }
  });

  it('counts a query bigram that no firm has in the Dice denominator', () => {
    const index = new FirmIndex(['大浪泵业']);
    expect(index.query('大浪泵阀', 0.1)).toEqual([{ index: 0, dice: diceSorted(bigramsOf('大浪泵阀'), bigramsOf('大浪泵业')) }]);
  });

  it('adds firms whose key shares a character at the looser threshold, each once', () => {
    const index = new FirmIndex(['东海机电', '大浪泵业', '西梅机电', '东东机电'], ['东海', '大浪', '西梅', '东东']);
    const found = index.query('东梅机电', 0.7, { key: '东梅', threshold: 0.5 });
    expect(found.map((f) => [f.index, f.dice]).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0))).toEqual([[0, 0.6], [2, 0.6], [3, 0.6]]);
  });
});

describe('forEachCandidatePair with a shared-key rule', () => {
  it('adds exactly the pairs below the strict threshold whose keys share a character and reach the loose one', () => {
    const rng = new Rng(5);
    const alphabet = [...'恒鑫宏瑞泰丰泵业机电'];
    const cores = Array.from({ length: 300 }, () => Array.from({ length: rng.int(2, 6) }, () => rng.pick(alphabet)).join(''));
    const lists = cores.map(bigramsOf);
    const keys = cores.map((c) => c.slice(0, 2));
    const got: string[] = [];
    forEachCandidatePair(lists, 0.7, ({ a, b }) => got.push(`${a}-${b}`), { keys, threshold: 0.5 });
    const expected: string[] = [];
    for (let a = 0; a < cores.length; a++) {
      for (let b = a + 1; b < cores.length; b++) {
        const d = diceSorted(lists[a] ?? [], lists[b] ?? []);
        const sharesKey = [...(keys[a] ?? '')].some((c) => (keys[b] ?? '').includes(c));
        if (d >= 0.7 || (sharesKey && d >= 0.5)) expected.push(`${a}-${b}`);
      }
    }
    expect(got.sort()).toEqual(expected.sort());
    expect(new Set(got).size).toBe(got.length);
  });
});
