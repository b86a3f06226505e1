const integer = new Intl.NumberFormat('en-US')
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** A whole number with thousands separators ("12,345"). */
export function formatCount(n: number): string {
  return integer.format(n)
}

/** A ratio with two decimals, or an en dash when there is none. */
export function formatRatio(r: number | null): string {
  return r === null ? '–' : oneDecimal.format(r)
}

/** A byte size in B, KB, MB (base 1024), for messages. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${(n / (1024 * 1024)).toFixed(1)} MB`
}
