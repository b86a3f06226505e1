// The renderer as a plain web page: `npm run web`, the e2e tests and the benchmark use it.
import { defineConfig } from 'vite'
import { rendererConfig } from './vite.renderer.ts'

export const WEB_PORT = Number(process.env.WEB_PORT ?? 5199)

export default defineConfig({
  ...rendererConfig('out/web'),
  server: { host: '127.0.0.1', port: WEB_PORT, strictPort: true },
  preview: { host: '127.0.0.1', port: WEB_PORT, strictPort: true },
})
