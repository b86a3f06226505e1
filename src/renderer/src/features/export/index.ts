/** Export: every token as CSV or JSON (written in a worker of its own), and the ids to the clipboard. */
export { useTokenExport } from './useTokenExport'
