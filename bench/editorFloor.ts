// The editor floor (bench/bareEditor.ts): the same paste and keystrokes in CodeMirror alone,
// in a blank page of the same browser, so each app row can be read against what the editor
// itself costs.
import type { Page } from '@playwright/test'
import { build } from 'rolldown'
import { fileURLToPath } from 'node:url'
import { keystrokes, paste, toClipboard } from './pageMeasures'

let bundle: Promise<string> | null = null

/** bench/bareEditor.ts and its CodeMirror imports as one script (built once per run). */
function bareEditorScript(): Promise<string> {
  bundle ??= build({
    input: fileURLToPath(new URL('./bareEditor.ts', import.meta.url)),
    output: { format: 'iife', minify: true },
    write: false,
    logLevel: 'silent',
  }).then((out) => out.output[0].code)
  return bundle
}

/** Opens the editor floor's page in `page` (a blank page: the app's CSP would block the script). */
export async function openEditorFloor(page: Page): Promise<void> {
  await page.goto('about:blank')
  await page.addScriptTag({ content: await bareEditorScript() })
  await page.locator('.cm-content').waitFor()
}

/**
 * The editor floor for one text: the paste's first painted frame and keystrokes at the start and
 * end. `page` must be at the app's origin when called: the text is put on the clipboard there.
 */
export async function editorFloor(page: Page, text: string, keys: number): Promise<{ paste: number; start: number[]; end: number[] }> {
  await toClipboard(page, text)
  await openEditorFloor(page)
  const { first } = await paste(page, text.length, null)
  const start = await keystrokes(page, 'floor-start', keys)
  const end = await keystrokes(page, 'floor-end', keys)
  return { paste: first, start, end }
}
