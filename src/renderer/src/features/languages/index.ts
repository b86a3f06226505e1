/** The Languages lab: what the same text (the UDHR) costs in each language, per tokenizer. The panel itself loads lazily (LanguagesPanel.tsx). */
export { useLanguagesHost, type LanguagesHost } from './useLanguagesHost'
