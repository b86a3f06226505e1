import { row, type VectorRows } from './vectors'

/** The rows projected on their first two principal components, and how much of the variance each holds. */
export interface Projection {
  /** [x, y] per row. */
  points: [number, number][]
  /** Share of the total variance along each axis (0..1; 0 when there is no variance). */
  explained: [number, number]
}

/**
 * PCA of the rows to two dimensions, exactly, through the n x n Gram matrix of the centred
 * rows (n is small: the sentences, not the 512 dimensions). Its two largest eigenpairs come
 * from Jacobi rotations (deterministic, no random start); each axis's sign is fixed so that
 * its largest-magnitude coordinate is positive, so the same sentences always draw the same map.
 */
export function pca2d(rows: VectorRows): Projection {
  const n = rows.count
  if (n === 0) return { points: [], explained: [0, 0] }
  const mean = new Float64Array(rows.dim)
  for (let i = 0; i < n; i++) {
    const r = row(rows, i)
    for (let k = 0; k < rows.dim; k++) mean[k] += r[k] / n
  }
  // Gram matrix of the centred rows: G[i][j] = (x_i - mean) . (x_j - mean).
  const g: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0))
  for (let i = 0; i < n; i++) {
    const a = row(rows, i)
    for (let j = i; j < n; j++) {
      const b = row(rows, j)
      let s = 0
      for (let k = 0; k < rows.dim; k++) s += (a[k] - mean[k]) * (b[k] - mean[k])
      g[i][j] = s
      g[j][i] = s
    }
  }
  const { values, vectors } = jacobiEigen(g)
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  const total = values.reduce((s, v) => s + Math.max(0, v), 0)
  const axes = [0, 1].map((k) => {
    const entry = order[k]
    if (!entry || entry[0] <= 1e-12 * Math.max(1, total)) return { coords: new Array<number>(n).fill(0), share: 0 }
    const [value, col] = entry
    // The projection of row i on the axis is sqrt(lambda) * u_i (u the unit eigenvector of G).
    const scale = Math.sqrt(value)
    const coords = vectors.map((r) => r[col] * scale)
    let big = 0
    for (let i = 1; i < n; i++) if (Math.abs(coords[i]) > Math.abs(coords[big]) + 1e-12) big = i
    const sign = coords[big] < 0 ? -1 : 1
    return { coords: coords.map((c) => c * sign + 0), share: total > 0 ? value / total : 0 }
  })
  return { points: Array.from({ length: n }, (_, i) => [axes[0].coords[i], axes[1].coords[i]]), explained: [axes[0].share, axes[1].share] }
}

/** Eigenvalues and eigenvectors (as columns of `vectors`) of a symmetric matrix, by cyclic Jacobi rotations. */
export function jacobiEigen(input: number[][]): { values: number[]; vectors: number[][] } {
  const n = input.length
  const a = input.map((r) => r.slice())
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)))
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] * a[p][q]
    if (off < 1e-22) break
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p][q]) < 1e-300) continue
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        for (let k = 0; k < n; k++) {
          const akp = a[k][p]
          const akq = a[k][q]
          a[k][p] = c * akp - s * akq
          a[k][q] = s * akp + c * akq
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k]
          const aqk = a[q][k]
          a[p][k] = c * apk - s * aqk
          a[q][k] = s * apk + c * aqk
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p]
          const vkq = v[k][q]
          v[k][p] = c * vkp - s * vkq
          v[k][q] = s * vkp + c * vkq
        }
      }
    }
  }
  return { values: a.map((r, i) => r[i]), vectors: v }
}
