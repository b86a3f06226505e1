import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveAppPath } from './appProtocol'

const root = '/opt/app/out/renderer'

describe('resolveAppPath', () => {
  it('maps app URLs to files under the renderer folder', () => {
    expect(resolveAppPath('app://tokenizer-explorer/index.html', root)).toBe(join(root, 'index.html'))
    expect(resolveAppPath('app://tokenizer-explorer/', root)).toBe(join(root, 'index.html'))
    expect(resolveAppPath('app://tokenizer-explorer/assets/a%20b.js?x=1', root)).toBe(join(root, 'assets/a b.js'))
  })
  it.each(['app://tokenizer-explorer/../../etc/passwd', 'app://tokenizer-explorer/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the renderer folder (the URL parser folds the dots away)',
    (url) => {
      expect(resolveAppPath(url, root)).toBe(join(root, 'etc/passwd'))
    },
  )
  it.each([
    'app://tokenizer-explorer/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://tokenizer-explorer/%00.js',
    'app://tokenizer-explorer/%E0%A4%A',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'https://tokenizer-explorer/index.html',
    'garbage',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull()
  })
})
