import { resolve } from 'node:path'

/**
 * Path aliases shared by every build (renderer, main, preload, command line) and the unit
 * tests: `@shared/…` is `src/shared/…`. tsconfig.base.json declares the same for the type checker.
 */
export const aliases = { '@shared': resolve(import.meta.dirname, 'src/shared') }
