// The packaging config: valid for electron-builder's own schema, with the fuses and targets
// the release needs. (Packaging itself needs the Electron binary, so `npm run dist` is not run here.)
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '..', '..')
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as Record<string, unknown>

describe('electron-builder.json', () => {
  it('passes electron-builder’s configuration schema', async () => {
    const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config.js')) as {
      validateConfiguration(config: unknown, debug: unknown): Promise<void>
    }
    const { DebugLogger } = (await import('builder-util')) as { DebugLogger: new (enabled: boolean) => unknown }
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    // The schema check really rejects mistakes.
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNode: 'no' } }, new DebugLogger(false))).rejects.toThrow()
  })

  it('turns off RunAsNode, NODE_OPTIONS and --inspect, and turns on asar integrity and asar-only loading', () => {
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('builds AppImage and deb, dmg, and nsis, from the electron-vite output only', () => {
    expect((config.linux as { target: string[] }).target).toEqual(['AppImage', 'deb'])
    expect((config.mac as { target: string[] }).target).toEqual(['dmg'])
    expect((config.win as { target: string[] }).target).toEqual(['nsis'])
    expect(config.files).toContain('out/**/*')
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> }
    expect(pkg.main).toBe('./out/main/index.js')
    expect(pkg.scripts.dist).toMatch(/electron-vite build && electron-builder/)
  })
})
