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
console.log(`(${notes.join('; ')})`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
