import { useRef, useState } from 'react'
import { parsePrice, tablePrice, type Price, type PriceInUse } from '@shared/models/prices'
import { parseLimit, MAX_CUSTOM_LIMIT } from '@shared/models/limits'
import { formatCount } from '@shared/text/format'

/** Props of the PriceEditor. */
export interface PriceEditorProps {
  /** The model whose prices are edited (null: prices for "no model"). */
  model: string | null
  /** The price in use now (the user's or the table's), or null when there is none. */
  price: PriceInUse | null
  /** All of the user's prices, by model name ('' for no model). */
  prices: Record<string, Price>
  reserve: number
  onChange(patch: { prices?: Record<string, Price>; replyReserve?: number }): void
}

/** Messages for the three fields, or null when a field reads. */
function problems(input: string, output: string, reserve: string) {
  const i = parsePrice(input)
  const o = parsePrice(output)
  const r = reserve.trim() === '' || reserve.trim() === '0' ? 0 : parseLimit(reserve)
  return {
    input: typeof i === 'string' ? i : null,
    output: typeof o === 'string' ? o : null,
    reserve: r === null || r > MAX_CUSTOM_LIMIT ? `Enter the reply as a whole number of tokens up to ${formatCount(MAX_CUSTOM_LIMIT)}, e.g. 500 or 4k.` : null,
    values: { input: typeof i === 'number' ? i : null, output: typeof o === 'number' ? o : null, reserve: r },
  }
}

/**
 * The prices (dollars per million tokens) the cost uses, editable: a change is saved for the
 * model as soon as both prices read; "Use the table's prices" removes the edit. (Keyed by the
 * model where it is used, so picking another model starts from that model's prices.)
 */
export function PriceEditor({ model, price, prices, reserve, onChange }: PriceEditorProps) {
  const key = model ?? ''
  const [input, setInput] = useState(price ? String(price.input) : '')
  const [output, setOutput] = useState(price ? String(price.output) : '')
  const [reply, setReply] = useState(String(reserve))
  /** Whether each price field was typed in: an empty field is an error only after that. */
  const [typed, setTyped] = useState({ input: false, output: false })
  /** The input price field: focus goes back to it when the button that cleared the prices goes away. */
  const inputRef = useRef<HTMLInputElement>(null)
  const p = problems(input, output, reply)
  const save = (nextInput: string, nextOutput: string) => {
    const q = problems(nextInput, nextOutput, reply).values
    if (q.input === null || q.output === null) return
    if (price && price.input === q.input && price.output === q.output) return
    onChange({ prices: { ...prices, [key]: { input: q.input, output: q.output } } })
  }
  const edited = key in prices
  const table = tablePrice(model)
  return (
    <fieldset className="fit prices" aria-label="Prices">
      <legend>Prices{model ? ` for ${model}` : ' (no model chosen)'}</legend>
      <div className="price-fields">
        <label>
          Input $/M
          <input
            inputMode="decimal"
            aria-label="Input price per million tokens"
            aria-invalid={p.input !== null && (typed.input || input !== '')}
            ref={inputRef}
            value={input}
            placeholder="e.g. 2.5"
            onChange={(e) => {
              setTyped((t) => ({ ...t, input: true }))
              setInput(e.target.value)
              save(e.target.value, output)
            }}
          />
        </label>
        <label>
          Output $/M
          <input
            inputMode="decimal"
            aria-label="Output price per million tokens"
            aria-invalid={p.output !== null && (typed.output || output !== '')}
            value={output}
            placeholder="e.g. 10"
            onChange={(e) => {
              setTyped((t) => ({ ...t, output: true }))
              setOutput(e.target.value)
              save(input, e.target.value)
            }}
          />
        </label>
        <label>
          Reply tokens
          <input
            inputMode="numeric"
            aria-label="Reply tokens to price"
            aria-invalid={p.reserve !== null}
            value={reply}
            onChange={(e) => {
              setReply(e.target.value)
              const r = problems(input, output, e.target.value).values.reserve
              if (r !== null && r <= MAX_CUSTOM_LIMIT && r !== reserve) onChange({ replyReserve: r })
            }}
          />
        </label>
      </div>
      {/* Empty fields with no price yet are not an error: they wait for the user. */}
      {(input !== '' || output !== '' || price) && (p.input ?? p.output) && (
        <p className="field-error" role="alert">
          {p.input ?? p.output}
        </p>
      )}
      {p.reserve && (
        <p className="field-error" role="alert">
          {p.reserve}
        </p>
      )}
      {edited && (
        <button
          type="button"
          className="button small"
          onClick={() => {
            const rest = { ...prices }
            delete rest[key]
            setInput(table ? String(table.input) : '')
            setOutput(table ? String(table.output) : '')
            setTyped({ input: false, output: false })
            onChange({ prices: rest })
            // This button goes with the edit: focus goes to the first price, not the page.
            inputRef.current?.focus()
          }}
        >
          {table ? 'Use the table’s prices' : 'Clear my prices'}
        </button>
      )}
    </fieldset>
  )
}
