import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { bundleUdhr } from '../../../scripts/bundle-udhr.mjs'
import { parseCorpus, UDHR_ASSET } from './corpus'
import { corpusEntry } from './udhrText'
import { udhrCorpus } from '../testing/udhrSource'

const dir = mkdtempSync(join(tmpdir(), 'udhr-bundle-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the build step (scripts/bundle-udhr.mjs)', () => {
  it('writes one gzip JSON file that parseCorpus reads back as the corpus the tests build from the package', async () => {
    const [asset, , packed] = await bundleUdhr(dir, corpusEntry)
    expect(asset).toBe(UDHR_ASSET)
    const bytes = readFileSync(join(dir, UDHR_ASSET))
    expect(bytes.length).toBe(packed)
    // The installer grows by this much: about 2.1 MB for 7.2 MB of text and fields.
    expect(packed).toBeLessThan(2.5e6)
    expect(parseCorpus(JSON.parse(gunzipSync(bytes).toString('utf8')))).toEqual(udhrCorpus())
  })
})
