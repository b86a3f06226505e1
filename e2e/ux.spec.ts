import { expect, test, type Locator } from '@playwright/test'
import { openFresh } from './helpers'

// What a new user reads and picks: the toolbar's pickers, messages, the panels' wording.

/** How much of a select's chosen option does not fit in the select (px, 0 when it is all visible). */
async function cutOff(select: Locator): Promise<number> {
  return select.evaluate((el: HTMLSelectElement) => {
    const style = getComputedStyle(el)
    const ctx = document.createElement('canvas').getContext('2d')!
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
    const text = ctx.measureText(el.selectedOptions[0].text).width
    // The text box: the select's width less its padding, border and the arrow (about 20 px).
    const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20
    return Math.max(0, text - room)
  })
}

for (const [width, height] of [
  [1280, 720],
  [1920, 1080],
]) {
  test(`at ${width}×${height} the chosen encoding and model are shown whole, and models are grouped by family`, async ({ page }) => {
    await page.setViewportSize({ width, height })
    await openFresh(page)
    const encoding = page.getByRole('combobox', { name: 'Encoding' })
    const model = page.getByRole('combobox', { name: 'Model' })
    for (const name of ['o200k_base', 'p50k_base', 'cl100k_base']) {
      await encoding.selectOption(name)
      expect(await cutOff(encoding)).toBeLessThan(1)
    }
    await expect(model.locator('optgroup')).not.toHaveCount(0)
    // The longest model name in the list, and a common one, each readable once chosen.
    for (const name of ['gpt-4o-mini-realtime-preview-2024-12-17', 'gpt-4o']) {
      await model.selectOption(name)
      expect(await cutOff(model)).toBeLessThan(1)
    }
    // Families: a model sits under its family's group, newest families first.
    const groups = await model.locator('optgroup').evaluateAll((gs) => gs.map((g) => (g as HTMLOptGroupElement).label))
    expect(groups[0]).toBe('GPT-5')
    expect(groups).toEqual(expect.arrayContaining(['GPT-4o', 'GPT-4', 'o-series (reasoning)']))
    await expect(model.locator('optgroup[label="GPT-4o"] option[value="gpt-4o-mini"]')).toHaveCount(1)
    await expect(model.locator('optgroup[label="GPT-4"] option[value="gpt-4-turbo"]')).toHaveCount(1)
    // Every picker stays inside the window.
    for (const select of await page.locator('.toolbar select').all()) {
      const box = (await select.boundingBox())!
      expect(box.x + box.width).toBeLessThanOrEqual(width)
    }
  })
}

test('messages that report an action go when they no longer hold; the status bar speaks plainly', async ({ page, context }) => {
  await openFresh(page)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  // The status bar: the encoding and the count, no chunks or timings.
  const status = page.getByRole('status', { name: 'Tokenizer status' })
  await expect(status).toHaveText(/^o200k_base · [\d,]+ tokens$/)
  // "Copied…" is an info message: it goes with the next edit.
  await page.getByRole('checkbox', { name: 'Token IDs' }).check()
  await page.getByRole('button', { name: 'Copy all IDs' }).click()
  await expect(page.getByText(/^Copied [\d,]+ token IDs/)).toBeVisible()
  await page.getByRole('textbox', { name: 'Text' }).press('End')
  await page.keyboard.type('!')
  await expect(page.getByText(/^Copied [\d,]+ token IDs/)).toHaveCount(0)
})

test('an info message also goes by itself after a while', async ({ page, context }) => {
  await page.clock.install()
  await openFresh(page)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('checkbox', { name: 'Token IDs' }).check()
  await page.getByRole('button', { name: 'Copy all IDs' }).click()
  await expect(page.getByText(/^Copied [\d,]+ token IDs/)).toBeVisible()
  await page.clock.runFor(16_000)
  await expect(page.getByText(/^Copied [\d,]+ token IDs/)).toHaveCount(0)
})
