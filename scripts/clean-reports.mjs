// Removes the previous run's JSON reports so the summary never counts stale results.
import { rmSync } from 'node:fs'

for (const f of ['reports/unit.json', 'reports/e2e.json']) rmSync(f, { force: true })
