/** Train a tokenizer: byte-level BPE trained in a worker on the editor's text or files, saved as a tokenizer.json and usable in the editor. */
export type { TrainerPanelProps } from './TrainerPanel'
