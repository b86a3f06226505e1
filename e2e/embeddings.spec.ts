import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { EXAMPLE_COSINES } from '../src/shared/testing/embeddingModel'
import { expectTokenCount, longestTask, openFresh, setText, watchLongTasks } from './helpers'

// The Embeddings lab, offline: every request that does not go to 127.0.0.1 is aborted and recorded,
// and the test fails if any was attempted.

let offsite: string[] = []

test.beforeEach(async ({ page }) => {
  offsite = []
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => {
      offsite.push(route.request().url())
      return route.abort()
    },
  )
  await openFresh(page)
})

test.afterEach(() => {
  expect(offsite, 'requests that left the machine').toEqual([])
})

/** Opens the lab from the toolbar and returns its region. */
async function openLab(page: Page) {
  await page.getByRole('checkbox', { name: 'Embeddings', exact: true }).check()
  const lab = page.getByRole('region', { name: 'Embeddings' })
  await expect(lab.getByRole('textbox', { name: 'Sentences' })).toBeVisible()
  return lab
}

/** The Similarity table's cells as text, row by row. */
async function matrix(page: Page): Promise<string[][]> {
  return page
    .getByRole('table', { name: 'Similarity' })
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')))
}

test('the example sentences: the matrix shows the Node path\'s cosines, sun/sunshine above sun/pets; axe clean', async ({ page }) => {
  const lab = await openLab(page)
  await expect(lab.getByRole('textbox', { name: 'Sentences' })).toHaveValue('The sun is shining brightly.\nCats and dogs are popular pets.\nBright sunshine fills the sky.')
  await expect.poll(() => matrix(page), { timeout: 60_000 }).toHaveLength(3)
  const m = await matrix(page)
  expect(m).toEqual([
    ['1.00', EXAMPLE_COSINES.sunPets, EXAMPLE_COSINES.sunSunshine],
    [EXAMPLE_COSINES.sunPets, '1.00', EXAMPLE_COSINES.petsSunshine],
    [EXAMPLE_COSINES.sunSunshine, EXAMPLE_COSINES.petsSunshine, '1.00'],
  ])
  expect(parseFloat(m[0][2])).toBeGreaterThan(parseFloat(m[0][1]))
  // Says which model, its size and licence, and that OpenAI's differ.
  await expect(lab.getByText(/512 numbers.*Universal Sentence Encoder.*Apache-2.0.*1,536 dimensions/)).toBeVisible()
  await expect(lab.getByText(/Model loaded in [\d,]+ ms/)).toBeVisible()
  // Nearest, the map (one focusable point per sentence) and the tokens.
  await expect(lab.getByRole('listitem').filter({ hasText: /^The sun is shining brightly\..*3\. Bright sunshine fills the sky\. \(0\.72\)/ })).toBeVisible()
  await expect(lab.getByRole('img', { name: /^Sentence \d: / })).toHaveCount(3)
  await expect(lab.getByText(/^\d+ tokens$/).first()).toBeVisible()
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const axe = await new AxeBuilder({ page }).include('.embeddings-lab').analyze()
    expect(axe.violations.map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }
})

test('keyboard: the sentences field, the map\'s points and the query are reached with Tab; blank lines get a note', async ({ page }) => {
  const lab = await openLab(page)
  await expect.poll(() => matrix(page), { timeout: 60_000 }).toHaveLength(3)
  const field = lab.getByRole('textbox', { name: 'Sentences' })
  await field.focus()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('\n\nA kitten naps on the couch.')
  await expect(lab.getByText('1 empty line skipped.')).toBeVisible()
  await expect.poll(() => matrix(page)).toHaveLength(4)
  // Tab from the field reaches the first point of the map, then the next.
  const names: string[] = []
  for (let i = 0; i < 12 && names.length < 2; i++) {
    await page.keyboard.press('Tab')
    const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')
    if (name.startsWith('Sentence ')) names.push(name)
  }
  expect(names[0]).toMatch(/^Sentence 1: The sun is shining brightly\./)
  expect(names[1]).toMatch(/^Sentence 2: /)
  const query = lab.getByRole('textbox', { name: 'Query' })
  await query.focus()
  await expect(query).toBeFocused()
  // Close from the keyboard: focus goes back to the toolbar toggle.
  await lab.getByRole('button', { name: 'Close the embeddings lab' }).focus()
  await page.keyboard.press('Enter')
  await expect(lab).toHaveCount(0)
  await expect(page.getByRole('checkbox', { name: 'Embeddings', exact: true })).toBeFocused()
})

test('the Query ranks the editor\'s lines by meaning', async ({ page }) => {
  await setText(page, 'Invoices are due at the end of the month.\nThe weather today is warm and sunny.\nOur dog loves long walks.\n\nPlease restart the server.')
  const lab = await openLab(page)
  await lab.getByRole('textbox', { name: 'Query' }).fill('It is a bright, sunny day.')
  await lab.getByRole('button', { name: 'Search' }).click()
  const results = lab.getByRole('list', { name: 'Closest lines' }).getByRole('listitem')
  await expect(results).toHaveCount(4, { timeout: 60_000 })
  await expect(results.first()).toContainText('line 2: The weather today is warm and sunny.')
})

test('200 lines embed in batches with progress, and Cancel stops them', async ({ page }) => {
  await setText(page, Array.from({ length: 200 }, (_, i) => `Line ${i} says something about topic ${i % 7}.`).join('\n'))
  const lab = await openLab(page)
  await lab.getByRole('textbox', { name: 'Query' }).fill('topic three')
  await lab.getByRole('button', { name: 'Search' }).click()
  const progress = lab.getByRole('progressbar', { name: "Embedding the editor's text" })
  await expect(progress).toBeVisible({ timeout: 60_000 })
  await expect(progress).toHaveAttribute('max', '200')
  await lab.getByRole('button', { name: 'Cancel' }).click()
  await expect(progress).toBeHidden()
  await expect(lab.getByRole('list', { name: 'Closest lines' })).toHaveCount(0)
  await expect(lab.getByRole('button', { name: 'Search' })).toBeEnabled()
})

test('a model that cannot load says why; the editor keeps counting', async ({ page }) => {
  await page.route('**/embedding-model/group1-shard3of7', (route) => route.fulfill({ status: 404, body: 'gone' }))
  const lab = await openLab(page)
  await expect(lab.getByRole('alert')).toContainText("The embedding model could not load: The embedding model's file group1-shard3of7 could not be read (404", { timeout: 60_000 })
  await setText(page, 'hello world')
  await expectTokenCount(page, 2)
})

test('opening the lab, loading the model and embedding never hold the window: no main-thread task over the limit', async ({ page }) => {
  await page.waitForTimeout(1000) // the start-up's own work is not the lab's
  await watchLongTasks(page)
  const lab = await openLab(page)
  const table = lab.getByRole('table', { name: 'Similarity' })
  await expect(table).toBeVisible({ timeout: 60_000 })
  await lab.getByRole('textbox', { name: 'Sentences', exact: true }).fill('A cat sat on the mat.\nThe dog slept by the door.\nIt is raining today.\nStorms bring heavy rain.')
  await expect(table.getByRole('row')).toHaveCount(5, { timeout: 60_000 })
  const longest = await longestTask(page)
  console.log(`embeddings lab: longest main-thread task while opening, loading and embedding: ${longest} ms (0: none over 50 ms)`)
  // 50 ms is the target (measured 0 on a quiet machine); the margin absorbs a CI machine running two suites at once.
  expect(longest).toBeLessThan(200)
})
