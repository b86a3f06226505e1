import { APP_NAME } from '@shared/contract/title'
import { licenceTable } from '@shared/tokenizer/catalog'
import { EMBEDDING_MODEL } from '@shared/embeddings/model'
import { UDHR_LICENCE } from '@shared/languages/corpus'

/** One third-party package shipped with the app and its licence. */
export interface LicenceEntry {
  name: string
  version: string
  license: string
}

/** One bundled tokenizer's terms, as catalog.ts's licenceTable() gives them. */
export interface TokenizerLicence {
  name: string
  licence: string
  source: string
  approximate?: string
}

/** Other data bundled (not tokenizers): its name, licence and source. */
export interface DataLicence {
  name: string
  licence: string
  source: string
}

/** The Embeddings lab's model as a line of other data bundled. */
const EMBEDDING_MODEL_LICENCE: DataLicence = {
  name: `${EMBEDDING_MODEL.name}, ${EMBEDDING_MODEL.dimensions} dimensions, by Google (Embeddings lab)`,
  licence: EMBEDDING_MODEL.licence,
  source: EMBEDDING_MODEL.source,
}

/**
 * The About box's detail text: versions, every shipped package with its licence, then each
 * bundled tokenizer's data with its licence and source (and a mark where its counts are estimates), then other data
 * bundled (the embedding model, the Languages lab's corpus).
 */
export function aboutDetail(
  version: string,
  versions: { electron?: string; chrome?: string; node?: string },
  licences: readonly LicenceEntry[],
  tokenizers: readonly TokenizerLicence[] = licenceTable(),
  data: readonly DataLicence[] = [EMBEDDING_MODEL_LICENCE, UDHR_LICENCE],
): string {
  const lines = [
    `${APP_NAME} ${version}`,
    `Electron ${versions.electron ?? '?'} · Chromium ${versions.chrome ?? '?'} · Node ${versions.node ?? '?'}`,
    '',
    'Open-source software used:',
    ...licences.map((l) => `${l.name} ${l.version} — ${l.license}`),
    '',
    'Tokenizer data bundled:',
    ...tokenizers.map((t) => `${t.name} — ${t.licence}; from ${t.source}${t.approximate ? ' (counts for newer models are estimates)' : ''}`),
    ...(data.length ? ['', 'Other data bundled:', ...data.map((d) => `${d.name} — ${d.licence}; from ${d.source}`)] : []),
  ]
  return lines.join('\n')
}
