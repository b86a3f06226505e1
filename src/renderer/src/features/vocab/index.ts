/** Vocabulary: search an encoding's tokens and find where they occur in the text. */
export { VocabPanel } from './VocabPanel'
export { useVocabDocument } from './vocabDocument'
