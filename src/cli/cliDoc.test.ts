// docs/cli.md is the command line's full reference: every subcommand has its section and
// every option it accepts is named there, so a new command or option cannot go undocumented.
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { COMMANDS, optionNames } from './args'

const doc = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/cli.md'), 'utf8')

describe('docs/cli.md', () => {
  it.each(COMMANDS)('has a section for %s naming each of its options', (command) => {
    expect(doc).toContain(`## \`${command}\``)
    const missing = optionNames(command).filter((name) => !doc.includes(`--${name}`))
    expect(missing).toEqual([])
  })
  it('has a table of exit codes', () => {
    expect(doc).toMatch(/## Exit codes\n[\s\S]*\| 0 \|[\s\S]*\| 1 \|[\s\S]*\| 2 \|/)
  })
})
