// Offsets to 1-based line/column, computed once per text (binary search over line starts).
export class LineIndex {
  private readonly starts: number[] = [0];
  /** A BOM is offset 0 but no column: editors and linters count columns after it. */
  private readonly bom: boolean;

  constructor(text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column of a UTF-16 offset. */
  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const bomShift = lo === 0 && this.bom && offset > 0 ? 1 : 0;
    return { line: lo + 1, column: offset - this.starts[lo] + 1 - bomShift };
  }

  /** The UTF-16 offset of a 1-based line and column (the inverse of position). */
  offset(line: number, column: number): number {
    const start = this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1];
    return start + column - 1 + (line === 1 && this.bom ? 1 : 0);
  }
}
