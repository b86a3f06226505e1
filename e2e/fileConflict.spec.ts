// The desktop page's handling of files that change on disk, run in Chromium with a fake
// preload API in place of Electron's (the page picks the Electron host when the API is
// there), so main's file events can be sent by the test.
import { expect, test, type Page } from '@playwright/test'
import { editor, installFakeDesktop, oracleIds } from './helpers'

/** Installs a fake `window.tokenizerExplorer` that records saves and lets the test send file events. */
async function fakeDesktop(page: Page, draft: string) {
  await installFakeDesktop(
    page,
    (api, initialDraft) => {
      const listeners: ((e: unknown) => void)[] = []
      const menu: ((c: unknown) => void)[] = []
      const saved: Record<string, string> = {}
      ;(window as unknown as Record<string, unknown>).__desktop = { send: (e: unknown) => listeners.forEach((l) => l(e)), command: (c: unknown) => menu.forEach((l) => l(c)), saved }
      Object.assign(api, {
        loadState: async () => ({ values: { draft: initialDraft }, problems: [] }),
        saveState: async (key: string, value: string) => ((saved[key] = value), true),
        onMenuCommand: (l: (c: unknown) => void) => menu.push(l),
        onFileOpened: (l: (e: unknown) => void) => listeners.push(l),
      })
    },
    draft,
  )
  await page.goto('/')
  await expect(page.getByLabel('Token count')).not.toHaveText('…')
}

/** Sends a file event as main would. */
async function fileEvent(page: Page, reason: string, name: string, text: string) {
  await page.evaluate(
    ([reason, name, text]) => (window as unknown as { __desktop: { send(e: unknown): void } }).__desktop.send({ reason, result: { kind: 'opened', file: { name, text, warning: null } } }),
    [reason, name, text],
  )
}

const savedDraft = (page: Page) => page.evaluate(() => (window as unknown as { __desktop: { saved: Record<string, string> } }).__desktop.saved.draft)

test('a file changed on disk: reloaded when nothing is unsaved; with unsaved edits the user is asked, and the autosave keeps their text', async ({ page }) => {
  await fakeDesktop(page, 'old draft')
  await fileEvent(page, 'opened', 'notes.txt', 'line one\n')
  await expect(editor(page)).toHaveText('line one')
  // The file grows while nothing is edited here: it is read again without a question.
  await fileEvent(page, 'changed', 'notes.txt', 'line one\nline two\n')
  await expect(editor(page)).toContainText('line two')
  await expect(page.getByRole('alertdialog', { name: 'File changed' })).toHaveCount(0)

  // Now edit, and let another program change the file.
  await editor(page).click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.keyboard.insertText('my line')
  await fileEvent(page, 'changed', 'notes.txt', 'their rewrite\n')
  const question = page.getByRole('alertdialog', { name: 'File changed' })
  await expect(question).toContainText('notes.txt changed on disk')
  await expect(editor(page)).toContainText('my line')
  await page.waitForTimeout(900) // the autosave runs
  expect(await savedDraft(page)).toBe('line one\nline two\nmy line')

  // Compare counts: tokens by the current encoding (o200k_base), checked against tiktoken.
  await question.getByRole('button', { name: 'Compare counts' }).click()
  const mine = oracleIds('o200k_base', 'line one\nline two\nmy line').length
  const theirs = oracleIds('o200k_base', 'their rewrite\n').length
  await expect(question.getByLabel('Comparison')).toHaveText(`Yours: ${mine} tokens, ${'line one\nline two\nmy line'.length} characters. The file’s: ${theirs} tokens, ${'their rewrite\n'.length} characters.`)

  // Load the file's text; Undo brings the user's back.
  await question.getByRole('button', { name: 'Load the file’s text' }).click()
  await expect(editor(page)).toHaveText('their rewrite')
  await expect(question).toHaveCount(0)
  await editor(page).press('ControlOrMeta+z')
  await expect(editor(page)).toContainText('my line')
})

test('keep my text: the question goes and nothing is replaced; a launch with a file asks the same way', async ({ page }) => {
  await fakeDesktop(page, 'a draft I wrote')
  // A launch naming a file while the window holds an untitled draft: ask, do not replace.
  await fileEvent(page, 'launched', 'report.md', '# Report')
  const question = page.getByRole('alertdialog', { name: 'File changed' })
  await expect(question).toContainText('You opened report.md')
  await expect(editor(page)).toHaveText('a draft I wrote')
  await question.getByRole('button', { name: 'Keep my text' }).click()
  await expect(question).toHaveCount(0)
  await expect(editor(page)).toHaveText('a draft I wrote')
  await expect(page.getByText('Kept your text.')).toBeVisible()
  // File > New drops a question that is still open (its file is no longer followed).
  await fileEvent(page, 'launched', 'report.md', '# Report')
  await expect(question).toBeVisible()
  await page.evaluate(() => (window as unknown as { __desktop: { command(c: unknown): void } }).__desktop.command({ type: 'new' }))
  await expect(question).toHaveCount(0)
  await expect(page.getByLabel('Character count')).toHaveText('0')
})

test('a re-read of a growing file adds only its new lines: the caret stays where it was', async ({ page }) => {
  await fakeDesktop(page, '')
  const log = Array.from({ length: 2000 }, (_, i) => `log line ${i}`).join('\n') + '\n'
  await fileEvent(page, 'opened', 'app.log', log)
  await expect(page.getByLabel('Character count')).toHaveText(log.length.toLocaleString('en-US'))
  await editor(page).click()
  await page.keyboard.press('ControlOrMeta+Home')
  await page.keyboard.press('ArrowDown')
  await fileEvent(page, 'changed', 'app.log', `${log}log line 2000\n`)
  await expect(page.getByLabel('Character count')).toHaveText((log.length + 14).toLocaleString('en-US'))
  // The caret was not moved by the reload (a whole-text replacement puts it at the start or the end).
  const caretLine = await page.evaluate(() => {
    const sel = window.getSelection()
    return sel?.anchorNode?.parentElement?.closest('.cm-line')?.textContent ?? null
  })
  expect(caretLine).toBe('log line 1')
})

test('keyboard: answering the question puts focus in the text, not on the page', async ({ page }) => {
  await fakeDesktop(page, 'a draft I wrote')
  const question = page.getByRole('alertdialog', { name: 'File changed' })
  await fileEvent(page, 'launched', 'report.md', '# Report')
  const keep = question.getByRole('button', { name: 'Keep my text' })
  await keep.focus()
  await page.keyboard.press('Enter')
  await expect(question).toHaveCount(0)
  await expect(editor(page)).toBeFocused()
  await fileEvent(page, 'launched', 'report.md', '# Report')
  await question.getByRole('button', { name: 'Load the file’s text' }).focus()
  await page.keyboard.press('Enter')
  await expect(editor(page)).toHaveText('# Report')
  await expect(editor(page)).toBeFocused()
})
