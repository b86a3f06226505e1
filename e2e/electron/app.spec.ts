// The desktop shell itself. These run only where the Electron binary is installed
// (`npx install-electron`); elsewhere each test is reported as skipped, with the reason.
import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

function electronBinary(): string | null {
  try {
    const dir = dirname(require.resolve('electron/package.json'))
    const pathFile = join(dir, 'path.txt')
    if (!existsSync(pathFile)) return null
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
    return existsSync(bin) ? bin : null
  } catch {
    return null
  }
}

const binary = electronBinary()
test.skip(binary === null, 'Electron binary not installed here (offline): run `npx install-electron` to run these')

test('the window opens with the editor, counts and a sandboxed, isolated page', async () => {
  const app = await electron.launch({ executablePath: binary!, args: ['out/main/index.js'] })
  try {
    const page = await app.firstWindow()
    await expect(page.getByRole('textbox', { name: 'Text' })).toBeVisible()
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
