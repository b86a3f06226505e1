// Test-only helper: a CSV reader that accepts RFC 4180 and nothing looser.

/**
 * A strict RFC 4180 reader: records end with CRLF; a field is either quoted ("" inside for
 * a quote) or holds no comma, quote, CR or LF at all. Anything else throws.
 */
export function readStrictCsv(csv: string): string[][] {
  const records: string[][] = []
  let i = 0
  while (i < csv.length) {
    const record: string[] = []
    for (;;) {
      let field = ''
      if (csv[i] === '"') {
        i++
        for (;;) {
          if (i >= csv.length) throw new Error('unterminated quoted field')
          if (csv[i] === '"') {
            if (csv[i + 1] === '"') {
              field += '"'
              i += 2
            } else {
              i++
              break
            }
          } else field += csv[i++]
        }
      } else {
        while (i < csv.length && csv[i] !== ',' && csv[i] !== '\r' && csv[i] !== '\n') {
          if (csv[i] === '"') throw new Error(`bare quote at ${i}`)
          field += csv[i++]
        }
      }
      record.push(field)
      if (csv[i] === ',') {
        i++
        continue
      }
      if (csv.startsWith('\r\n', i)) {
        i += 2
        break
      }
      throw new Error(`expected a comma or CRLF at ${i}, found ${JSON.stringify(csv.slice(i, i + 5))}`)
    }
    records.push(record)
  }
  return records
}
