/** The export worker's answer: the file's bytes, or why it failed. */
export type ExportResponse = { type: 'done'; body: Uint8Array } | { type: 'error'; message: string }
