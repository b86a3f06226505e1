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
