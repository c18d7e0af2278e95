/** The 3,755 level-1 characters of GB 2312 (the most common Chinese characters), decoded from their byte range. */
export function commonCharacters(): string[] {
  const bytes: number[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) for (let lo = 0xa1; lo <= (hi === 0xd7 ? 0xf9 : 0xfe); lo++) bytes.push(hi, lo);
  return [...new TextDecoder('gb18030').decode(Uint8Array.from(bytes))];
}
