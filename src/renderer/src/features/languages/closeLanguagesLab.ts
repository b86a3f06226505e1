import type { Settings } from '@shared/contract/settings'

/** Closes the Languages lab; its Close button goes with it, so focus goes back to the toolbar toggle that opened it. */
export function closeLanguagesLab(update: (patch: Partial<Settings>) => void): void {
  update({ showLanguages: false })
  document.querySelector<HTMLElement>('.toolbar [data-toggle="showLanguages"]')?.focus()
}
