// Issue 26, the logic side: numbers the app shows agree with the command line and the encodings.
import { expect, test } from '@playwright/test'
import { openFresh, setText } from './helpers'

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

test('Lines: a text ending in "\\n\\n" has as many lines as the command line says (wc, plus an unterminated last line)', async ({ page }) => {
  const lines = page.getByLabel('Line count')
  // 101 lines of text, then one empty line: 102 (the command line's count), not 103.
  await setText(page, 'line\n'.repeat(101) + '\n')
  await expect(lines).toHaveText('102')
  await setText(page, 'one\ntwo')
  await expect(lines).toHaveText('2')
  await setText(page, 'one\ntwo\n')
  await expect(lines).toHaveText('2')
})
