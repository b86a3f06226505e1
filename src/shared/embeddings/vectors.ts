/** Vectors as rows of one Float32Array (row i is values[i*dim, (i+1)*dim)), as the model returns them. */
export interface VectorRows {
  /** Number of rows (sentences). */
  count: number
  /** Length of each row (512 for the Universal Sentence Encoder). */
  dim: number
  values: Float32Array
}

/** Row `i` of `rows` (a view, not a copy). */
export function row(rows: VectorRows, i: number): Float32Array {
  return rows.values.subarray(i * rows.dim, (i + 1) * rows.dim)
}

/** Euclidean length of a vector. */
export function norm(v: ArrayLike<number>): number {
  let s = 0
  for (let i = 0; i < v.length; i++) s += v[i] * v[i]
  return Math.sqrt(s)
}

/** Cosine similarity of two vectors of the same length (0 when either is all zeros). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`Vectors of different lengths (${a.length} and ${b.length}).`)
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i]
    na += a[i] * a[i]
    nb += b[i] * b[i]
  }
  if (na === 0 || nb === 0) return 0
  return Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)))
}

/**
 * The cosine matrix of the rows: symmetric, computed once per pair, with the diagonal exactly 1
 * (0 for an all-zero row). Row-major, count x count.
 */
export function cosineMatrix(rows: VectorRows): Float64Array {
  const n = rows.count
  const m = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    m[i * n + i] = norm(row(rows, i)) === 0 ? 0 : 1
    for (let j = i + 1; j < n; j++) {
      const c = cosine(row(rows, i), row(rows, j))
      m[i * n + j] = c
      m[j * n + i] = c
    }
  }
  return m
}

/** For each row, the index of the most similar other row and its cosine (index -1 when there is no other row). Ties go to the earlier row. */
export function nearestOthers(matrix: Float64Array, n: number): { index: number; similarity: number }[] {
  const out: { index: number; similarity: number }[] = []
  for (let i = 0; i < n; i++) {
    let best = -1
    let sim = -Infinity
    for (let j = 0; j < n; j++) {
      if (j !== i && matrix[i * n + j] > sim) {
        best = j
        sim = matrix[i * n + j]
      }
    }
    out.push({ index: best, similarity: best === -1 ? 0 : sim })
  }
  return out
}

/** One ranked candidate: its index in the candidates and its cosine with the query. */
export interface Ranked {
  index: number
  similarity: number
}

/** The candidates ranked by cosine with `query`, best first (ties keep text order), at most `limit`. */
export function rankBySimilarity(query: ArrayLike<number>, candidates: VectorRows, limit = Infinity): Ranked[] {
  const all: Ranked[] = []
  for (let i = 0; i < candidates.count; i++) all.push({ index: i, similarity: cosine(query, row(candidates, i)) })
  all.sort((a, b) => b.similarity - a.similarity || a.index - b.index)
  return all.slice(0, limit)
}
