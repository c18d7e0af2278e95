import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { pickLocale, translate } from './translate.ts';
import { zhCN } from './zh-CN.ts';

const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have exactly the same keys in Chinese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
  });

  it('use the same placeholders for each key in both languages', () => {
    const english: Readonly<Record<string, string>> = en;
    for (const [key, zh] of Object.entries(zhCN)) {
      expect(placeholdersOf(english[key] ?? ''), key).toEqual(placeholdersOf(zh));
    }
  });

  it('have no empty message', () => {
    for (const [key, text] of [...Object.entries(zhCN), ...Object.entries(en)]) expect(text.trim(), key).not.toBe('');
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('zh-CN', 'enterprises.total', { total: 12 })).toBe('共 12 家');
    expect(translate('en', 'pager.status', { page: 2, pages: 5 })).toBe('Page 2 of 5');
  });

  it('leaves an unfilled placeholder visible', () => {
    expect(translate('en', 'enterprises.total')).toBe('{total} firms');
  });
});

describe('pickLocale', () => {
  it('defaults to Chinese and keeps a remembered known choice', () => {
    expect(pickLocale(null)).toBe('zh-CN');
    expect(pickLocale('fr')).toBe('zh-CN');
    expect(pickLocale('en')).toBe('en');
  });
});
