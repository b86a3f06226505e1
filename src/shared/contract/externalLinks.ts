import { IMAGE_COST_SOURCES } from '../budget/imageCost'
import { OPENAI_TOOLS_SOURCE } from '../budget/toolDefs'

/**
 * The links the app itself shows, by exact URL. Only these open in the system browser
 * without a question; any other https link a page asks to open (a compromised page could
 * put the user's text in its query) needs the user's yes in a native dialog that shows it.
 * Add a link here when a component renders it.
 */
export const APP_LINKS: readonly string[] = [...IMAGE_COST_SOURCES, OPENAI_TOOLS_SOURCE]

/** What to do with a link the page asks to open: open it, ask first, or refuse (not plain https). */
export type ExternalLinkDecision = 'open' | 'confirm' | 'refuse'

/** True for a URL that may be handed to the system browser at all: https only, with a host and no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' && parsed.hostname.length > 0 && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}

/** Decides a link: exact matches of `allowed` open, other plain https links need a confirmation, the rest are refused. */
export function decideExternalLink(url: string, allowed: readonly string[] = APP_LINKS): ExternalLinkDecision {
  if (!isSafeExternalUrl(url)) return 'refuse'
  return allowed.includes(url) ? 'open' : 'confirm'
}
