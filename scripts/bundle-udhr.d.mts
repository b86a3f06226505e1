// Types of bundle-udhr.mjs for the Vite config and the TypeScript test that runs it (src/shared/languages/bundle.test.ts).
import type { UdhrInfo, UdhrLanguage } from '../src/shared/languages/udhrText'

/** The asset's file name. */
export const UDHR_ASSET: string
/** Writes <outDir>/udhr.json.gz from the udhr package; returns [asset, raw JSON bytes (0 when cached), compressed bytes]. */
export function bundleUdhr(outDir: string, toEntry: (info: UdhrInfo, html: string) => UdhrLanguage): Promise<[string, number, number]>
