import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCommandLine } from './args'
import { findModelDir, runEmbed } from './embed'
import { memoryIO } from './io'
import { runCli } from './run'
import { EXAMPLE_COSINES, MODEL_PACKAGE_DIR } from '../shared/testing/embeddingModel'

const TEXT = 'The sun is shining brightly.\n\nCats and dogs are popular pets.\nBright sunshine fills the sky.\n'

describe('embed arguments', () => {
  it('reads a file or standard input, --compare and --json', () => {
    expect(parseCommandLine(['embed'])).toEqual({ command: 'embed', json: false, compare: false, path: '-' })
    expect(parseCommandLine(['embed', 'a.txt', '--compare', '--json'])).toEqual({ command: 'embed', json: true, compare: true, path: 'a.txt' })
    expect(() => parseCommandLine(['embed', 'a', 'b'])).toThrow(/one file/)
    expect(() => parseCommandLine(['embed', '--limit', '3'])).toThrow(/Unknown option --limit/)
  })
})

describe('embed', () => {
  it('finds the model in node_modules when the app\'s copy is absent', () => {
    expect(findModelDir('/nonexistent/embedding-model')).toBe(MODEL_PACKAGE_DIR.replace(/\/$/, ''))
  })

  it('prints one 512-number unit vector per non-blank line and notes the skipped line', async () => {
    const io = memoryIO()
    expect(await runEmbed(TEXT, { json: false, compare: false }, io)).toBe(0)
    const lines = io.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(3)
    for (const l of lines) {
      const v = l.split(' ').map(Number)
      expect(v).toHaveLength(512)
      expect(Math.hypot(...v)).toBeCloseTo(1, 4)
    }
    expect(io.stderr).toBe('1 empty line skipped.\n')
  }, 30_000)

  it('--compare --json: the matrix with the app\'s numbers and each line\'s nearest', async () => {
    const io = memoryIO()
    expect(await runEmbed(TEXT, { json: true, compare: true }, io)).toBe(0)
    const out = JSON.parse(io.stdout) as { dimensions: number; lines: { line: number; nearest: number }[]; matrix: number[][] }
    expect(out.dimensions).toBe(512)
    expect(out.lines.map((l) => [l.line, l.nearest])).toEqual([[1, 4], [3, 4], [4, 1]])
    expect(out.matrix[0][2].toFixed(2)).toBe(EXAMPLE_COSINES.sunSunshine)
    expect(out.matrix[0][1].toFixed(2)).toBe(EXAMPLE_COSINES.sunPets)
    expect(out.matrix[1][0]).toBe(out.matrix[0][1])
  }, 30_000)

  it('--compare prints a matrix with two decimals', async () => {
    const io = memoryIO()
    await runEmbed('One cat.\nA kitten.', { json: false, compare: true }, io)
    const lines = io.stdout.split('\n')
    expect(lines[0]).toMatch(/^ +1 +2$/)
    expect(lines[1]).toMatch(/^1 +1\.00 +0\.\d\d {2}One cat\.$/)
    expect(lines[2]).toMatch(/^2 +0\.\d\d +1\.00 {2}A kitten\.$/)
    expect(lines.slice(3)).toEqual(['', 'nearest:', expect.stringMatching(/^1 -> 2 {2}0\.\d\d$/), expect.stringMatching(/^2 -> 1 {2}0\.\d\d$/), ''])
  }, 30_000)

  it('says plainly when there is nothing to embed', async () => {
    const io = memoryIO()
    const dir = mkdtempSync(join(tmpdir(), 'embed-'))
    writeFileSync(join(dir, 'blank.txt'), '\n  \n')
    const code = await runCli(['embed', join(dir, 'blank.txt')], io)
    expect(code).toBe(1)
    expect(io.stderr).toMatch(/nothing to embed/)
  })
})
