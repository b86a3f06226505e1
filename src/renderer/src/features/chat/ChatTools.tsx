import { memo, useId } from 'react'
import { OPENAI_TOOLS_CHECKED, type ToolsReading } from '@shared/budget/toolDefs'
import type { ToolsTokens } from '@shared/tools/chat'
import { formatCount } from '@shared/text/format'
import { ErrorNote } from '../../ui/ToolPanel'

/** Props of the tools field. */
export interface ChatToolsProps {
  text: string
  reading: ToolsReading
  /** The worker's count of the tools (null while counting, or none). */
  counted: ToolsTokens | null
  /** The whole prompt's tokens, for each tool's share. */
  total: number | null
  onChange(text: string): void
}

const share = (n: number, total: number | null) => (total ? ` · ${n > 0 && n / total < 0.001 ? '<0.1' : ((n / total) * 100).toFixed(1)}% of the prompt` : '')

/** The `Tools` field (the definitions as JSON, in an API's own format), its problems by line, and each tool's tokens and share. */
export const ChatTools = memo(function ChatTools({ text, reading, counted, total, onChange }: ChatToolsProps) {
  const hint = useId()
  return (
    <div className="chat-tools">
      <label className="chat-tools-label">
        Tools
        <textarea
          aria-describedby={hint}
          aria-invalid={!reading.ok}
          rows={text ? 6 : 2}
          value={text}
          spellCheck={false}
          placeholder='[{"type": "function", "function": {"name": "get_weather", "parameters": {...}}}]'
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      <p className="hint" id={hint}>
        Tool definitions as JSON, as you pass them to the API (OpenAI’s <code>tools</code>, a list of functions, or Anthropic’s <code>tools</code>).
      </p>
      {!reading.ok && (
        <ErrorNote>
          The tools are not counted until this is fixed: {reading.problems.join(' ')}
        </ErrorNote>
      )}
      {reading.ok && reading.tools.length > 0 && counted && (
        <>
          <ul className="chat-tool-list" aria-label="Tools’ tokens">
            {reading.tools.map((t, k) => (
              <li key={k}>
                <code>{t.function.name}</code>:{' '}
                {counted.perTool[k] !== undefined ? `${formatCount(counted.perTool[k])} tokens${share(counted.perTool[k], total)}` : 'not broken down'}
              </li>
            ))}
          </ul>
          <p className="hint" role="note">
            {formatCount(counted.total)} tokens for {reading.tools.length === 1 ? 'the tool' : `the ${reading.tools.length} tools`}
            {counted.method === 'template' ? '' : ' (estimate)'}. {counted.note}
            {counted.source && (
              <>
                {' '}
                <a href={counted.source} target="_blank" rel="noreferrer">
                  Source
                </a>{' '}
                (checked {OPENAI_TOOLS_CHECKED}).
              </>
            )}
          </p>
        </>
      )}
    </div>
  )
})
