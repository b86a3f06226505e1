import { APP_NAME } from '@shared/app/title'

/** One third-party package shipped with the app and its licence. */
export interface LicenceEntry {
  name: string
  version: string
  license: string
}

/** The About box's detail text: versions, then every shipped package with its licence. */
export function aboutDetail(version: string, versions: { electron?: string; chrome?: string; node?: string }, licences: readonly LicenceEntry[]): string {
  const lines = [
    `${APP_NAME} ${version}`,
    `Electron ${versions.electron ?? '?'} · Chromium ${versions.chrome ?? '?'} · Node ${versions.node ?? '?'}`,
    '',
    'Open-source software used:',
    ...licences.map((l) => `${l.name} ${l.version} — ${l.license}`),
  ]
  return lines.join('\n')
}
