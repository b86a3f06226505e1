// The desktop shell itself. These run only where the Electron binary is installed
// (`npx install-electron`); elsewhere each test is reported as skipped, with the reason.
import { expect, test } from '@playwright/test'
import { spawn } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { clickMenu, electronBinary, freshUserData, launch, menuItems, SKIP_REASON } from './helpers'

test.skip(SKIP_REASON !== null, SKIP_REASON ?? '')
test.describe.configure({ mode: 'serial' })

const text = (page: import('@playwright/test').Page) => page.getByRole('textbox', { name: 'Text' })

test('the window opens with the editor, counts and a sandboxed, isolated page', async () => {
  const app = await launch(await freshUserData())
  try {
    const page = await app.firstWindow()
    await expect(text(page)).toBeVisible()
    await expect(page.getByLabel('Token count')).not.toHaveText('…')
    // The page sees the preload API but no Node.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined')
    expect(await page.evaluate(() => typeof (window as unknown as { tokenizerExplorer?: unknown }).tokenizerExplorer)).toBe('object')
    // Navigation away from the app is blocked.
    await page.evaluate(() => (window.location.href = 'https://example.com/'))
    await page.waitForTimeout(500)
    expect(page.url()).toMatch(/^app:\/\/tokenizer-explorer\//)
  } finally {
    await app.close()
  }
})

test('menu: File, Edit, View, Help; View > Encoding and View > Show Token IDs change the page', async () => {
  const app = await launch(await freshUserData())
  try {
    const page = await app.firstWindow()
    await expect(page.getByLabel('Token count')).not.toHaveText('…')
    const labels = (await menuItems(app, [])).map((i) => i.label)
    expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Help']))
    await clickMenu(app, ['View', 'Encoding', 'cl100k_base'])
    await expect(page.getByRole('combobox', { name: 'Tokenizer' })).toHaveValue('cl100k_base')
    await clickMenu(app, ['View', 'Show Token IDs'])
    await expect(page.getByRole('checkbox', { name: 'Token IDs' })).toBeChecked()
    // The menu follows the page: the radio item is checked now.
    const checked = (await menuItems(app, ['View', 'Encoding'])).find((i) => i.checked)?.label
    expect(checked).toMatch(/^cl100k_base/)
  } finally {
    await app.close()
  }
})

test('open by command-line argument; the title names the file; a change on disk is read again', async () => {
  const dir = await freshUserData()
  const file = join(dir, 'notes.txt')
  await writeFile(file, 'Prompt version one.')
  const app = await launch(dir, [file])
  try {
    const page = await app.firstWindow()
    await expect(text(page)).toHaveText('Prompt version one.')
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getTitle())).toBe('notes.txt — Tokenizer Explorer')
    await writeFile(file, 'Prompt version two, edited elsewhere.')
    await expect(text(page)).toHaveText('Prompt version two, edited elsewhere.')
    await expect(page.getByText('notes.txt changed on disk and was read again')).toBeVisible()
    // Open Recent lists it.
    const recent = await menuItems(app, ['File', 'Open Recent'])
    expect(recent[0].label).toMatch(/notes\.txt$/)
  } finally {
    await app.close()
  }
})

test('a dropped file opens (by its bytes when it has no path on disk, as here)', async () => {
  const dir = await freshUserData()
  const app = await launch(dir)
  try {
    const page = await app.firstWindow()
    await expect(page.getByLabel('Token count')).not.toHaveText('…')
    const transfer = await page.evaluateHandle(() => {
      const dt = new DataTransfer()
      dt.items.add(new File(['dropped text 🦙'], 'dropped.txt', { type: 'text/plain' }))
      return dt
    })
    await page.locator('.app').dispatchEvent('drop', { dataTransfer: transfer })
    await expect(text(page)).toHaveText('dropped text 🦙')
  } finally {
    await app.close()
  }
})

test('the draft and settings are restored after a restart and after the process was killed', async () => {
  const dir = await freshUserData()
  let app = await launch(dir)
  let page = await app.firstWindow()
  await text(page).click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.insertText('Saved across restarts.')
  await page.getByRole('combobox', { name: 'Tokenizer' }).selectOption('p50k_base')
  await app.close()
  app = await launch(dir)
  page = await app.firstWindow()
  await expect(text(page)).toHaveText('Saved across restarts.')
  await expect(page.getByRole('combobox', { name: 'Tokenizer' })).toHaveValue('p50k_base')
  await page.keyboard.insertText(' More.')
  await page.waitForTimeout(1500) // autosave within about a second
  app.process().kill('SIGKILL')
  app = await launch(dir)
  page = await app.firstWindow()
  await expect(text(page)).toContainText('More.')
  await app.close()
})

test('after a restart the draft keeps its file: the title names it, marked edited when the draft differs', async () => {
  const dir = await freshUserData()
  const file = join(dir, 'prompt.md')
  await writeFile(file, 'On disk.')
  let app = await launch(dir, [file])
  let page = await app.firstWindow()
  await expect(text(page)).toHaveText('On disk.')
  await text(page).click()
  await page.keyboard.press('End')
  await page.keyboard.insertText(' Edited here.')
  await app.close()
  app = await launch(dir)
  page = await app.firstWindow()
  await expect(text(page)).toHaveText('On disk. Edited here.')
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].getTitle())).toBe('• prompt.md — Tokenizer Explorer')
  await app.close()
})

test('a damaged settings file: defaults, the file kept aside, a message', async () => {
  const dir = await freshUserData()
  await mkdir(join(dir, 'state'), { recursive: true })
  await writeFile(join(dir, 'state', 'settings.json'), '{"format":1,"value":')
  const app = await launch(dir)
  try {
    const page = await app.firstWindow()
    await expect(page.getByText(/Your saved settings was damaged, so defaults are in use/)).toBeVisible()
    await expect(page.getByRole('combobox', { name: 'Tokenizer' })).toHaveValue('o200k_base')
  } finally {
    await app.close()
  }
})

test('single instance: a second launch with a file opens it in the running window and exits', async () => {
  const dir = await freshUserData()
  const file = join(dir, 'second.txt')
  await writeFile(file, 'From the second launch.')
  const app = await launch(dir)
  try {
    const page = await app.firstWindow()
    await expect(page.getByLabel('Token count')).not.toHaveText('…')
    const second = spawn(electronBinary()!, ['out/main/index.js', file], { env: { ...process.env, TOKENIZER_EXPLORER_USER_DATA: dir }, stdio: 'ignore' })
    const code = await new Promise<number | null>((resolve) => second.once('exit', resolve))
    expect(code).toBe(0)
    await expect(text(page)).toHaveText('From the second launch.')
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    expect(await readFile(file, 'utf8')).toBe('From the second launch.')
  } finally {
    await app.close()
  }
})

test('Copy buttons write to the clipboard (the one permission the page has); other permissions stay denied', async () => {
  const app = await launch(await freshUserData())
  try {
    const page = await app.firstWindow()
    await text(page).click()
    await page.keyboard.press('ControlOrMeta+a')
    await page.keyboard.insertText('hello world')
    await expect(page.getByLabel('Token count')).toHaveText('2')
    await page.getByRole('checkbox', { name: 'Token IDs' }).check()
    await page.getByRole('button', { name: 'Copy all IDs' }).click()
    await expect(page.getByText('Copied 2 token IDs as a JSON array.')).toBeVisible()
    expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toBe('[24912,2375]')
    // Reading the clipboard stays denied.
    expect(await page.evaluate(() => navigator.clipboard.readText().then(() => 'read', () => 'denied'))).toBe('denied')
  } finally {
    await app.close()
  }
})

test('a file changed on disk while edited here: the page asks, keeps the edits meanwhile, and loads the file only when told', async () => {
  const dir = await freshUserData()
  const file = join(dir, 'watched.txt')
  await writeFile(file, 'Version on disk.')
  const app = await launch(dir, [file])
  try {
    const page = await app.firstWindow()
    await expect(text(page)).toHaveText('Version on disk.')
    await text(page).click()
    await page.keyboard.press('ControlOrMeta+End')
    await page.keyboard.insertText(' My edit.')
    await writeFile(file, 'Rewritten by another program.')
    const question = page.getByRole('alertdialog', { name: 'File changed' })
    await expect(question).toContainText('watched.txt changed on disk')
    await expect(text(page)).toHaveText('Version on disk. My edit.')
    await question.getByRole('button', { name: 'Load the file’s text' }).click()
    await expect(text(page)).toHaveText('Rewritten by another program.')
  } finally {
    await app.close()
  }
})
