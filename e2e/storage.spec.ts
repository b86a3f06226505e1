// The browser build's saved state: what survives a reload, and what the user is told when
// storage is damaged, full, or shared with another tab.
import { expect, test } from '@playwright/test'
import { editor, openFresh } from './helpers'

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

test('a chat edit made just before the page closes is saved (no 400 ms window of loss)', async ({ page }) => {
  await page.getByText('Chat prompt').click()
  await page.getByLabel('Message 2', { exact: true }).fill('typed right before closing')
  await page.reload() // at once: the autosave timer has not fired yet
  await page.getByText('Chat prompt').click()
  await expect(page.getByLabel('Message 2', { exact: true })).toHaveValue('typed right before closing')
  await expect(editor(page)).toBeVisible()
})

test('damaged settings and chat: what can be kept is kept, and the status bar says what was not', async ({ page }) => {
  await page.evaluate(() => {
    localStorage.setItem('tokenizer-explorer:settings', JSON.stringify({ encoding: 'cl100k_base', showIds: 'yes' }))
    localStorage.setItem(
      'tokenizer-explorer:chat',
      JSON.stringify({ model: 42, reserve: '2k', messages: [{ role: 'system', name: '', content: 'Be brief.' }, { role: 'user', name: '', content: 'Kept question' }] }),
    )
  })
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Tokenizer' })).toHaveValue('cl100k_base')
  const status = page.locator('.status-message')
  await expect(status).toContainText('Some saved settings were not valid and were reset to their defaults: showIds.')
  await expect(status).toContainText('Parts of your saved chat prompt were damaged and could not be kept: the model (now gpt-4o).')
  // One wrong-typed field no longer costs the messages.
  await page.getByText('Chat prompt', { exact: true }).click()
  await expect(page.getByLabel('Message 2', { exact: true })).toHaveValue('Kept question')
})

test('a settings file that is not JSON: defaults, and a message saying so', async ({ page }) => {
  await page.evaluate(() => localStorage.setItem('tokenizer-explorer:settings', '{"encoding": "cl100k_base", "showIds": "yes", '))
  await page.reload()
  await expect(page.getByRole('combobox', { name: 'Tokenizer' })).toHaveValue('o200k_base')
  await expect(page.locator('.status-message')).toContainText('Your saved settings could not be read')
})

test('a full storage: the message says the quota is full (not "too large" for 3 KB), the text stays, Free space saves it', async ({ page }) => {
  // Another app on this origin has filled the quota to within about 1,000 characters.
  const left = await page.evaluate(() => {
    localStorage.clear()
    let chunk = 'x'.repeat(1 << 20)
    let i = 0
    while (chunk.length >= 500) {
      try {
        localStorage.setItem(`other-app:${i++}`, chunk)
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1)
      }
    }
    return chunk.length
  })
  expect(left).toBeLessThan(1000)
  const draft = 'A three-kilobyte prompt. '.repeat(120) // 3,000 characters
  await editor(page).click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.insertText(draft)
  const status = page.locator('.status-message')
  await expect(status).toContainText('Browser storage for this page is full')
  await expect(status).not.toContainText('too large')
  await expect(editor(page)).toHaveText(draft.trimEnd())
  page.once('dialog', (d) => void d.accept())
  await status.getByRole('button', { name: 'Free space' }).click()
  await expect(status).toContainText('your text is saved again')
  await page.reload()
  await expect(editor(page)).toHaveText(draft.trimEnd())
})

test('two tabs: a save in one is reported in the other, which then stops overwriting it until asked', async ({ page, context }) => {
  const other = await context.newPage()
  await other.goto('/')
  await expect(other.getByLabel('Token count')).not.toHaveText('…')
  const draft = (p: typeof page) => p.evaluate(() => localStorage.getItem('tokenizer-explorer:draft'))
  await editor(page).click()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.insertText('Text of tab one.')
  await expect.poll(() => draft(page)).toBe('Text of tab one.')
  // Tab two is told at once.
  const status = other.locator('.status-message')
  await expect(status).toContainText('Another tab saved its text, so this tab no longer autosaves its own')
  // Typing in tab two does not replace tab one's saved text.
  await editor(other).click()
  await other.keyboard.press('ControlOrMeta+a')
  await other.keyboard.insertText('Text of tab two.')
  await other.waitForTimeout(1000)
  expect(await draft(other)).toBe('Text of tab one.')
  // Until the user makes tab two's text the saved one; then tab one is told the same.
  await status.getByRole('button', { name: 'Save this tab’s text' }).click()
  await expect(status).toContainText('This tab’s text is the saved one again.')
  expect(await draft(other)).toBe('Text of tab two.')
  await expect(page.locator('.status-message')).toContainText('Another tab saved its text')
})
