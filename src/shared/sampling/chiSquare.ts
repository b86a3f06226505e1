/**
 * Pearson's chi-square goodness-of-fit test: do observed counts fit the expected probabilities?
 */

/**
 * The statistic sum((observed - expected)^2 / expected) over tokens with an expected count
 * above 0, and its degrees of freedom (those tokens less one). An observed count where none
 * was expected makes the statistic Infinity (the counts cannot come from that distribution).
 */
export function chiSquareStatistic(observed: readonly number[], probs: readonly number[]): { statistic: number; degreesOfFreedom: number } {
  const n = observed.reduce((a, b) => a + b, 0)
  let total = 0
  for (const p of probs) total += p
  let statistic = 0
  let cells = 0
  for (let i = 0; i < probs.length; i++) {
    const expected = (n * probs[i]) / total
    if (expected > 0) {
      cells++
      statistic += (observed[i] - expected) ** 2 / expected
    } else if (observed[i] > 0) statistic = Infinity
  }
  return { statistic, degreesOfFreedom: Math.max(0, cells - 1) }
}

/**
 * The p-value: the chance that a chi-square variable with `df` degrees of freedom is at least
 * `x` (the upper regularised incomplete gamma function Q(df/2, x/2)). Small values (under
 * 0.001) say the counts are very unlikely under the expected distribution.
 */
export function chiSquarePValue(x: number, df: number): number {
  if (df <= 0) return 1
  if (x <= 0) return 1
  if (x === Infinity) return 0
  return upperGammaRegularized(df / 2, x / 2)
}

/** Q(a, x) = Γ(a, x) / Γ(a): a series below a + 1, a continued fraction above (Numerical Recipes' method). */
function upperGammaRegularized(a: number, x: number): number {
  const lnPrefix = a * Math.log(x) - x - logGamma(a)
  if (x < a + 1) {
    let term = 1 / a
    let sum = term
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n)
      sum += term
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break
    }
    return Math.max(0, 1 - sum * Math.exp(lnPrefix))
  }
  // Lentz's method for the continued fraction.
  const tiny = 1e-300
  let b = x + 1 - a
  let c = 1 / tiny
  let d = 1 / b
  let h = d
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < tiny) d = tiny
    c = b + an / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-15) break
  }
  return Math.min(1, Math.exp(lnPrefix) * h)
}

/** ln Γ(z) for z > 0 (Lanczos approximation, g = 7, nine coefficients). */
function logGamma(z: number): number {
  const g = 7
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7]
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z)
  z -= 1
  let x = c[0]
  for (let i = 1; i < g + 2; i++) x += c[i] / (z + i)
  const t = z + g + 0.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(x)
}
