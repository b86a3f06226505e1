// The bench's tables: rows by measurement (in the order first written), a cell per column
// (corpus, build or engine), and an optional target; printed as Markdown.

/** Milliseconds as the tables show them. */
export const ms = (t: number): string => `${t.toFixed(t < 100 ? 1 : 0)} ms`

/** The ratio `t / base`, as `1.23x`. */
export const x = (t: number, base: number): string => `${(t / base).toFixed(2)}x`

/** Bytes as whole MB. */
export const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`

/** A Markdown table filled one cell at a time. */
export class ResultTable {
  private readonly rows = new Map<string, { cells: Map<string, string>; target?: string }>()

  /** Sets row `what`'s cell in column `col` (the row is added on first use, with `target`). */
  cell(what: string, col: string, value: string, target?: string): void {
    let row = this.rows.get(what)
    if (!row) this.rows.set(what, (row = { cells: new Map(), target }))
    row.cells.set(col, value)
  }

  /** True when no cell was set. */
  get empty(): boolean {
    return this.rows.size === 0
  }

  /** The table's Markdown lines, with these columns in this order. */
  markdown(cols: readonly string[], first = 'measurement'): string[] {
    return [
      `| ${first} | ${cols.join(' | ')} | target |`,
      `| --- | ${cols.map(() => '---:').join(' | ')} | --- |`,
      ...[...this.rows].map(([what, row]) => `| ${what} | ${cols.map((c) => row.cells.get(c) ?? '').join(' | ')} | ${row.target ?? ''} |`),
    ]
  }
}
