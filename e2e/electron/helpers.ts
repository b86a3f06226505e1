import { _electron as electron, type ElectronApplication } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

/** The Electron binary npm installed, or null where it could not be downloaded (offline). */
export function electronBinary(): string | null {
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

/** Why the Electron specs skip here, or null when they can run. */
export const SKIP_REASON = electronBinary() === null ? 'Electron binary not installed here (offline): run `npx install-electron` to run these' : null

/** A fresh, empty userData folder for one test. */
export function freshUserData(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'tokenizer-explorer-user-'))
}

/** Starts the built app (out/main) with its own userData folder and extra command-line arguments. */
export function launch(userData: string, args: string[] = []): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: electronBinary()!,
    args: ['out/main/index.js', ...args],
    env: { ...process.env, TOKENIZER_EXPLORER_USER_DATA: userData },
  })
}

/** Clicks a menu item by its label path, e.g. ['View', 'Encoding', 'cl100k_base'] (labels without & and matched by prefix). */
export async function clickMenu(app: ElectronApplication, path: string[]): Promise<void> {
  await app.evaluate(({ Menu }, path) => {
    let items = Menu.getApplicationMenu()?.items ?? []
    let item: Electron.MenuItem | undefined
    for (const label of path) {
      item = items.find((i) => i.label.replace(/&/g, '').startsWith(label))
      if (!item) throw new Error(`No menu item ${label}`)
      items = item.submenu?.items ?? []
    }
    item!.click()
  }, path)
}

/** The items of the menu at a label path ([] for the menu bar itself): their labels (without &) and check marks. */
export function menuItems(app: ElectronApplication, path: string[]): Promise<{ label: string; checked: boolean }[]> {
  return app.evaluate(({ Menu }, path) => {
    let items = Menu.getApplicationMenu()?.items ?? []
    for (const label of path) items = items.find((i) => i.label.replace(/&/g, '').startsWith(label))?.submenu?.items ?? []
    return items.map((i) => ({ label: i.label.replace(/&/g, ''), checked: i.checked }))
  }, path)
}
