// Types of check-doc-links.mjs for the TypeScript test that runs it (src/docs.test.ts).

/** One link that does not resolve. */
export interface BrokenLink {
  /** The Markdown file, relative to the root. */
  file: string
  /** 1-based line of the link. */
  line: number
  /** The link's target as written. */
  target: string
  /** Why it does not resolve. */
  reason: string
}

/** The Markdown files checked under `root`: README.md and every .md below docs/. */
export function docFiles(root: string): string[]
/** GitHub's anchor for a heading's text. */
export function headingAnchor(heading: string): string
/** Every anchor the headings of a Markdown text define. */
export function anchorsOf(markdown: string): Set<string>
/** The links of a Markdown text, outside code. */
export function linksOf(markdown: string): { target: string; line: number }[]
/** How many relative links were checked under `root`, and the broken ones. */
export function checkDocLinks(root: string): { checked: number; problems: BrokenLink[] }
