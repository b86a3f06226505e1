import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { anchorsOf, checkDocLinks, headingAnchor, linksOf } from '../scripts/check-doc-links.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')

describe('links in README.md and docs/', () => {
  it('all resolve: files exist, anchors name headings', () => {
    const { checked, problems } = checkDocLinks(root)
    expect(problems).toEqual([])
    // The README alone links to the screenshot and to docs/ pages: a checker that finds no links checks nothing.
    expect(checked).toBeGreaterThan(10)
  })
})

describe('check-doc-links', () => {
  const dir = mkdtempSync(join(tmpdir(), 'doc-links-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('makes anchors as GitHub does', () => {
    expect(headingAnchor('Never frozen, even on 10 MB')).toBe('never-frozen-even-on-10-mb')
    expect(headingAnchor('`src/shared`: layers')).toBe('srcshared-layers')
    expect(headingAnchor('A [link](x.md) and *stress*')).toBe('a-link-and-stress')
    expect([...anchorsOf('# Notes\n## Notes\n```\n# not a heading\n```\n')]).toEqual(['notes', 'notes-1'])
  })

  it('finds links outside code only, with their lines', () => {
    const md = 'See [a](a.md) and ![pic](p.png).\n`[not](code.md)`\n```\n[nor](fence.md)\n```\n[b](https://x.org) [c](#top)\n'
    expect(linksOf(md)).toEqual([
      { target: 'a.md', line: 1 },
      { target: 'p.png', line: 1 },
      { target: 'https://x.org', line: 6 },
      { target: '#top', line: 6 },
    ])
  })

  it('reports missing files, missing anchors and links out of the tree', () => {
    mkdirSync(join(dir, 'docs'))
    writeFileSync(join(dir, 'README.md'), '# Top\n## Usage\n[ok](docs/a.md#details) [self](#usage) [gone](docs/none.md)\n[bad anchor](docs/a.md#nothing) [up](../x.md) [web](https://example.org/none)\n')
    writeFileSync(join(dir, 'docs', 'a.md'), '# A\n## Details\n[back](../README.md#top) [missing](#usage)\n')
    const { checked, problems } = checkDocLinks(dir)
    expect(checked).toBe(7)
    expect(problems.map((p) => `${p.file}:${p.line} ${p.target}: ${p.reason}`)).toEqual([
      'README.md:3 docs/none.md: no such file',
      'README.md:4 docs/a.md#nothing: no heading with anchor #nothing',
      'README.md:4 ../x.md: points outside the repository',
      `${join('docs', 'a.md')}:3 #usage: no heading with anchor #usage`,
    ])
  })
})
