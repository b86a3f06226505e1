// Prints one closing line for the whole test run from the JSON reports of vitest and
// Playwright: "tests: N passed, N failed, N skipped". A missing report counts as a failure.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
const notes = []

function read(path) {
  if (!existsSync(path)) {
    notes.push(`${path} missing (that suite did not finish)`)
    failed++
    return null
  }
  return JSON.parse(readFileSync(path, 'utf8'))
}

const unit = read('reports/unit.json')
if (unit) {
  passed += unit.numPassedTests
  failed += unit.numFailedTests
  skipped += unit.numPendingTests + unit.numTodoTests
  notes.push(`unit ${unit.numPassedTests} passed, ${unit.numFailedTests} failed, ${unit.numPendingTests} skipped`)
}
const e2e = read('reports/e2e.json')
if (e2e) {
  const s = e2e.stats
  passed += s.expected + s.flaky
  failed += s.unexpected
  skipped += s.skipped
  notes.push(`e2e ${s.expected + s.flaky} passed, ${s.unexpected} failed, ${s.skipped} skipped`)
}
// Name every skipped test and why, so a skip is never mistaken for a pass.
const skippedNames = []
for (const file of unit?.testResults ?? [])
  for (const t of file.assertionResults ?? []) if (t.status === 'skipped' || t.status === 'pending') skippedNames.push(`unit: ${t.fullName ?? t.title}`)
function walk(suite) {
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests ?? [])
      if (t.status === 'skipped') {
        const why = (t.annotations ?? []).find((a) => a.type === 'skip')?.description
        skippedNames.push(`e2e [${t.projectName}]: ${spec.title}${why ? ` (${why})` : ''}`)
      }
  for (const child of suite.suites ?? []) walk(child)
}
for (const suite of e2e?.suites ?? []) walk(suite)
for (const name of skippedNames) console.log(`skipped: ${name}`)

// The ten slowest tests of both suites, so the next person knows where the suite's time goes.
const durations = []
for (const file of unit?.testResults ?? [])
  for (const t of file.assertionResults ?? []) if (typeof t.duration === 'number') durations.push([t.duration, `unit: ${file.name.replace(process.cwd() + '/', '')} > ${t.fullName ?? t.title}`])
function times(suite, file) {
  for (const spec of suite.specs ?? [])
    for (const t of spec.tests ?? []) for (const r of t.results ?? []) durations.push([r.duration ?? 0, `e2e: ${spec.file ?? file} > ${spec.title}`])
  for (const child of suite.suites ?? []) times(child, suite.file ?? file)
}
for (const suite of e2e?.suites ?? []) times(suite, suite.file)
if (durations.length > 0) {
  console.log('slowest tests:')
  for (const [ms, name] of durations.sort((a, b) => b[0] - a[0]).slice(0, 10)) console.log(`  ${(ms / 1000).toFixed(1).padStart(6)} s  ${name.length > 150 ? name.slice(0, 147) + '...' : name}`)
}
console.log(`(${notes.join('; ')})`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
