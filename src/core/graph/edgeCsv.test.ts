import { describe, expect, it } from 'vitest';
import { csvCell, EdgeCsvError, EdgeCsvReader } from './edgeCsv.ts';

function read(chunks: string[]) {
  const reader = new EdgeCsvReader();
  for (const chunk of chunks) reader.push(chunk);
  return reader.end();
}

describe('EdgeCsvReader', () => {
  it('reads rows split anywhere across chunks, CRLF, a BOM, quotes and a last line without newline', () => {
    const text = '\uFEFFsource,target,weight\r\na,b,1.5\r\n"x,1","say ""hi""",2e1\n\nb,a,0';
    const whole = read([text]);
    for (let cut = 1; cut < text.length; cut += 3) {
      const split = read([text.slice(0, cut), text.slice(cut)]);
      expect(split.ids).toEqual(whole.ids);
      expect(Array.from(split.edges.w)).toEqual(Array.from(whole.edges.w));
    }
    expect(whole.ids).toEqual(['a', 'b', 'x,1', 'say "hi"']);
    expect(Array.from(whole.edges.src)).toEqual([0, 2, 1]);
    expect(Array.from(whole.edges.dst)).toEqual([1, 3, 0]);
    expect(Array.from(whole.edges.w)).toEqual([1.5, 20, 0]);
  });

  it.each([
    ['', 'row 1, header: empty file'],
    ['from,to,amount\n', 'row 1, header: expected source,target,weight'],
    ['source,target,weight\na,b,1\na,b\n', 'row 3, row: 2 columns, expected 3'],
    ['source,target,weight\na,b,abc\n', 'row 2, weight: not a number: "abc"'],
    ['source,target,weight\na,b,\n', 'row 2, weight: not a number: ""'],
    ['source,target,weight\na,b,0x10\n', 'row 2, weight: not a number'],
    ['source,target,weight\na,b,1\nc,d,-2.5\n', 'row 3, weight: negative: -2.5'],
    ['source,target,weight\n,b,1\n', 'row 2, source: empty'],
    ['source,target,weight\na,,1\n', 'row 2, target: empty'],
    ['source,target,weight\n"a,b,1\n', 'row 2, row: unterminated quoted field'],
    ['source,target,weight\na,b,1e999\n', 'row 2, weight: out of range'],
  ])('names the row and field of a bad input (%#)', (text, message) => {
    expect(() => read([text])).toThrow(EdgeCsvError);
    expect(() => read([text])).toThrow(message);
  });
});

describe('csvCell', () => {
  it('quotes only cells that need it', () => {
    expect(csvCell('温岭泵业')).toBe('温岭泵业');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });
});
