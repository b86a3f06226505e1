// What the app computes and exports, checked as a user gets it: decoded text, chat counts,
// exported files; and the tools' worst frames on large input, measured with long-task timing.
import { expect, test, type Page } from '@playwright/test'
import { get_encoding } from 'tiktoken'
import { readFile } from 'node:fs/promises'
import { readStrictCsv } from '../src/shared/testing/strictCsv'
import { editor, expectTokenCount, longestTask, openFresh, oracleIds, setText, watchLongTasks } from './helpers'

test.beforeEach(async ({ page }) => {
  await openFresh(page)
})

test('decode 300,000 ids: a bounded preview, the whole text copied and saved, no frame over a second', async ({ page, context }) => {
  test.setTimeout(180_000)
  // One long paragraph (no newline), as ids from a model's output often are: the costliest text to lay out.
  const line = 'Decode me 🦙 please, word after word of text. '
  const lineIds = oracleIds('o200k_base', line)
  const repeats = Math.ceil(300_000 / lineIds.length)
  const ids = Array.from({ length: repeats }, () => lineIds).flat()
  const text = line.repeat(repeats)
  await page.getByText('Decode token ids').click()
  await page.getByLabel('Token IDs to decode').fill(ids.join(','))
  await watchLongTasks(page)
  await page.getByRole('button', { name: 'Decode', exact: true }).click()
  const output = page.getByLabel('Decoded text')
  await expect(output).toBeVisible({ timeout: 60_000 })
  const longest = await longestTask(page)
  console.log(`decode ${ids.length.toLocaleString('en-US')} ids: longest task ${longest.toFixed(0)} ms`)
  const shown = (await output.textContent()) ?? ''
  expect(text.startsWith(shown)).toBe(true)
  expect(shown.length).toBeLessThan(20_000)
  await expect(page.getByText(`… ${(Array.from(text).length - Array.from(shown).length).toLocaleString('en-US')} more characters`)).toBeVisible()
  // Copy and Save hold the whole text.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.getByRole('button', { name: 'Copy text' }).click()
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText().then((t) => t.length))).toBe(text.length)
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text)
  const download = page.waitForEvent('download')
  // The decode panel's own Save text (the toolbar has one for the editor's text).
  await output.locator('xpath=ancestor::details[1]').getByRole('button', { name: 'Save text' }).click()
  expect(await readFile(await (await download).path(), 'utf8')).toBe(text)
  expect(longest).toBeLessThan(1_000)
})

/** Waits, polling in the page, until the element `selector` names contains `text` (cheap with thousands of elements). */
async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(([sel, t]) => document.querySelector(sel)?.textContent?.includes(t) === true, [selector, text] as const, { timeout: 120_000, polling: 200 })
}

test('chat with 2,000 messages: a keystroke in one message is painted within 100 ms at the median (was ~300-460 ms), the count follows', async ({ page }) => {
  test.setTimeout(180_000)
  const messages = Array.from({ length: 2_000 }, (_, i) => ({
    role: i === 0 ? 'system' : i % 2 ? 'user' : 'assistant',
    name: i % 7 === 3 ? `agent_${i}` : '',
    content: `Message ${i}: ${'some words of the conversation, '.repeat(1 + (i % 5))}🦙`,
  }))
  await page.evaluate((json) => localStorage.setItem('tokenizer-explorer:chat', json), JSON.stringify({ model: 'gpt-4o', reserve: '1,000', messages }))
  await page.goto('/')
  await page.getByText('Chat prompt').click()
  // Waits poll in the page (waitForText): a failing expect() poll also takes an aria snapshot of
  // the whole page, seconds each with 2,000 rows, which starved the page it was waiting for.
  // OpenAI's counting method, with one tiktoken encoder for all 2,000 messages.
  const tiktoken = get_encoding('o200k_base')
  const n = (text: string) => tiktoken.encode_ordinary(text).length
  const cookbook = (list: typeof messages) => 3 + list.reduce((s, m) => s + 3 + n(m.role) + n(m.content) + (m.name ? 1 + n(m.name) : 0), 0)
  await waitForText(page, '[role="status"][aria-label="Chat total"]', `${cookbook(messages).toLocaleString('en-US')} tokens in the prompt`)
  const box = page.locator('textarea[aria-label="Message 1000"]')
  await box.click()
  await page.keyboard.press('ControlOrMeta+End')
  await page.waitForTimeout(500)
  await watchLongTasks(page)
  const times: number[] = []
  for (let i = 0; i < 20; i++) {
    // Armed in the page: from the key's event to the frame after the text area shows it.
    await page.evaluate(() => {
      const w = window as unknown as { keyLatency?: Promise<number> }
      w.keyLatency = new Promise<number>((resolve) => {
        let t0 = -1
        const onKey = (e: KeyboardEvent) => {
          t0 = e.timeStamp
          window.removeEventListener('keydown', onKey, true)
        }
        const onInput = () => {
          window.removeEventListener('input', onInput, true)
          // React renders the change in the input event's task; time the frame after it.
          setTimeout(() =>
            requestAnimationFrame(() => {
              const port = new MessageChannel()
              port.port1.onmessage = () => resolve(performance.now() - t0)
              port.port2.postMessage(null)
            }),
          )
        }
        window.addEventListener('keydown', onKey, true)
        window.addEventListener('input', onInput, true)
      })
    })
    await page.keyboard.press(i % 5 === 4 ? 'Space' : 'KeyX')
    times.push(await page.evaluate(() => (window as unknown as { keyLatency: Promise<number> }).keyLatency))
    await page.waitForTimeout(30)
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)]
  const longest = await longestTask(page)
  console.log(`chat 2,000 messages: keystroke to frame p50 ${median.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms; longest task while typing ${longest.toFixed(0)} ms`)
  const typed = 'xxxx xxxx xxxx xxxx '
  const edited = messages.map((m, i) => (i === 999 ? { ...m, content: m.content + typed } : m))
  await expect(box).toHaveValue(messages[999].content + typed)
  await waitForText(page, '[role="status"][aria-label="Chat total"]', `${cookbook(edited).toLocaleString('en-US')} tokens in the prompt`)
  tiktoken.free()
  expect(median).toBeLessThan(100)
})

test('export CSV: one record per token for a strict RFC 4180 reader, offsets in code points and UTF-8 bytes; the inspector shows code points', async ({ page }) => {
  // (The editor keeps line breaks as \n.)
  const text = '🦙🦙 say "hi",\nthen\n\nmore,\n👩🏽‍💻 code, done\n\n'
  await setText(page, text)
  const expected = oracleIds('o200k_base', text)
  await expectTokenCount(page, expected.length)
  await page.getByRole('checkbox', { name: 'Token IDs' }).check()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const [header, ...records] = readStrictCsv(await readFile(await (await download).path(), 'utf8'))
  expect(header).toEqual(['index', 'id', 'text', 'bytes', 'codepoint_start', 'codepoint_end', 'byte_start', 'byte_end'])
  expect(records.map((r) => Number(r[1]))).toEqual(expected)
  const points = Array.from(text)
  const utf8 = Buffer.from(text, 'utf8')
  for (const r of records) {
    expect(points.slice(Number(r[4]), Number(r[5])).join('')).toBe(r[2])
    expect(utf8.subarray(Number(r[6]), Number(r[7])).toString('hex')).toBe(r[3].replace(/ /g, ''))
  }
  // The inspector's range is in the same unit: the caret at the end is in the last token.
  await editor(page).press('ControlOrMeta+End')
  const last = records.at(-1)!
  await expect(page.getByLabel('Character range')).toHaveText(`${last[4]}–${last[5]}`)
  expect(Number(last[5])).toBe(points.length)
})
