/**
 * Streaming CSV splitter (RFC 4180): quoted fields, doubled quotes, CR LF or LF line ends, a leading BOM
 * dropped. Text arrives in chunks of any size; complete records come out as they close.
 */
export class CsvSplitter {
  private field = '';
  private record: string[] = [];
  private isQuoted = false;
  private wasQuote = false;
  private isStart = true;

  push(text: string): string[][] {
    const out: string[][] = [];
    let start = 0;
    if (this.isStart) {
      if (text.charCodeAt(0) === 0xfeff) start = 1;
      if (text.length > 0) this.isStart = false;
    }
    for (let i = start; i < text.length; i++) {
      const c = text.charAt(i);
      if (this.isQuoted) {
        if (this.wasQuote) {
          this.wasQuote = false;
          if (c === '"') {
            this.field += '"';
            continue;
          }
          this.isQuoted = false;
        } else if (c === '"') {
          this.wasQuote = true;
          continue;
        } else {
          this.field += c;
          continue;
        }
      }
      if (c === '"' && this.field === '') this.isQuoted = true;
      else if (c === ',') this.closeField();
      else if (c === '\n') out.push(this.closeRecord());
      else if (c !== '\r') this.field += c;
    }
    return out;
  }

  /** The last record when the text does not end with a line break. */
  end(): string[][] {
    if (this.isQuoted && this.wasQuote) this.isQuoted = false;
    if (this.field === '' && this.record.length === 0) return [];
    return [this.closeRecord()];
  }

  private closeField(): void {
    this.record.push(this.field);
    this.field = '';
  }

  private closeRecord(): string[] {
    this.closeField();
    const record = this.record;
    this.record = [];
    return record;
  }
}
