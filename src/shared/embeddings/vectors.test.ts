import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cosine, cosineMatrix, nearestOthers, rankBySimilarity, type VectorRows } from './vectors'
import { pca2d, jacobiEigen } from './pca'

const rowsOf = (vs: number[][]): VectorRows => ({ count: vs.length, dim: vs[0]?.length ?? 0, values: Float32Array.from(vs.flat()) })

describe('cosine', () => {
  it('is 1 for parallel, 0 for orthogonal, -1 for opposite vectors, 0 for a zero vector', () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1, 12)
    expect(cosine([1, 0], [0, 3])).toBe(0)
    expect(cosine([1, 1], [-1, -1])).toBeCloseTo(-1, 12)
    expect(cosine([0, 0], [1, 1])).toBe(0)
    expect(() => cosine([1], [1, 2])).toThrow(/different lengths/)
  })
})

describe('cosineMatrix', () => {
  it('is symmetric with a unit diagonal and values in [-1, 1] (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.float({ min: -10, max: 10, noNaN: true }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (vs) => {
        const rows = rowsOf(vs)
        const m = cosineMatrix(rows)
        const n = vs.length
        for (let i = 0; i < n; i++) {
          const zero = vs[i].every((x) => Math.fround(x) === 0)
          expect(m[i * n + i]).toBe(zero ? 0 : 1)
          for (let j = 0; j < n; j++) {
            expect(m[i * n + j]).toBe(m[j * n + i])
            expect(Math.abs(m[i * n + j])).toBeLessThanOrEqual(1)
          }
        }
      }),
      { seed: 23 },
    )
  })

  it('finds each row\'s nearest other row', () => {
    const m = cosineMatrix(rowsOf([[1, 0], [0.9, 0.1], [0, 1]]))
    expect(nearestOthers(m, 3).map((x) => x.index)).toEqual([1, 0, 1])
    expect(nearestOthers(cosineMatrix(rowsOf([[1, 0]])), 1)).toEqual([{ index: -1, similarity: 0 }])
  })
})

describe('rankBySimilarity', () => {
  it('ranks best first, ties in text order, up to the limit', () => {
    const r = rankBySimilarity([1, 0], rowsOf([[0, 1], [1, 0], [2, 0], [1, 1]]), 3)
    expect(r.map((x) => x.index)).toEqual([1, 2, 3])
    expect(r[2].similarity).toBeCloseTo(Math.SQRT1_2, 6)
  })
})

describe('pca2d', () => {
  it('recovers points that lie in a plane, up to rotation: pairwise distances are kept', () => {
    // Points in a 2-D plane embedded in 5-D: PCA to 2-D must keep every distance.
    const plane = [[0, 0], [3, 0], [0, 4], [1, 1], [-2, 3]]
    const u = [1, 2, 0, -1, 1].map((x) => x / Math.sqrt(7))
    const v = [0, 1, 1, 2, 0].map((x) => x / Math.sqrt(6))
    // Make v orthogonal to u.
    const d = u.reduce((s, x, i) => s + x * v[i], 0)
    const w = v.map((x, i) => x - d * u[i])
    const wn = Math.hypot(...w)
    const vs = plane.map(([a, b]) => u.map((x, i) => a * x + (b * w[i]) / wn + 0.5))
    const { points, explained } = pca2d(rowsOf(vs))
    const dist = (p: number[], q: number[]) => Math.hypot(p[0] - q[0], p[1] - q[1])
    for (let i = 0; i < plane.length; i++) for (let j = 0; j < plane.length; j++) expect(dist(points[i], points[j])).toBeCloseTo(dist(plane[i], plane[j]), 3)
    expect(explained[0] + explained[1]).toBeCloseTo(1, 5)
    expect(explained[0]).toBeGreaterThanOrEqual(explained[1])
  })

  it('is deterministic in sign: the largest coordinate on each axis is positive, also for negated input', () => {
    const vs = [[1, 2, 3], [4, 1, 0], [0, 0, 1], [2, 2, 2]]
    const a = pca2d(rowsOf(vs))
    const b = pca2d(rowsOf(vs.map((r) => r.map((x) => -x))))
    for (let k = 0; k < 2; k++) {
      const coords = a.points.map((p) => p[k])
      const big = coords.reduce((bi, c, i) => (Math.abs(c) > Math.abs(coords[bi]) ? i : bi), 0)
      expect(coords[big]).toBeGreaterThan(0)
    }
    a.points.forEach((p, i) => {
      expect(b.points[i][0]).toBeCloseTo(p[0], 5)
      expect(b.points[i][1]).toBeCloseTo(p[1], 5)
    })
  })

  it('handles one point, identical points and two points', () => {
    expect(pca2d(rowsOf([[1, 2]])).points).toEqual([[0, 0]])
    expect(pca2d(rowsOf([[1, 2], [1, 2]])).explained).toEqual([0, 0])
    const two = pca2d(rowsOf([[0, 0], [3, 4]]))
    expect(Math.abs(two.points[0][0] - two.points[1][0])).toBeCloseTo(5, 6)
    expect(two.points[0][1]).toBe(0)
  })

  it('jacobiEigen diagonalises a symmetric matrix (A v = lambda v)', () => {
    const a = [[4, 1, 2], [1, 3, 0], [2, 0, 5]]
    const { values, vectors } = jacobiEigen(a)
    for (let c = 0; c < 3; c++) {
      for (let i = 0; i < 3; i++) {
        const av = a[i].reduce((s, x, k) => s + x * vectors[k][c], 0)
        expect(av).toBeCloseTo(values[c] * vectors[i][c], 8)
      }
    }
    expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(12, 8)
  })
})
