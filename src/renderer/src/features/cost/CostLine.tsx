import { useState } from 'react'
import { formatCost, formatPrice, priceFor, priceOrigin, promptCost, type Price, type PriceInUse } from '@shared/models/prices'
import { formatCount } from '@shared/text/format'
import { PriceEditor } from './PriceEditor'

/** Props of the CostLine. */
export interface CostLineProps {
  /** The exact token count, or null while tokenizing. */
  tokens: number | null
  model: string | null
  /** The user's prices by model name ('' for no model). */
  prices: Record<string, Price>
  /** Reply tokens priced on top of the prompt. */
  reserve: number
  onChange(patch: { prices?: Record<string, Price>; replyReserve?: number }): void
}

/** Which model a price is of, and where it is from (a cost is never shown without its date or origin). */
export function PriceCaption({ model, price }: { model: string | null; price: PriceInUse }) {
  return (
    <p className="hint price-caption" aria-label="Price source">
      {model ?? 'No model'}: {formatPrice(price)}; {priceOrigin(price)}.
    </p>
  )
}

/** The cost of the text as a prompt, plus a reserved reply, at the model's (or the user's) prices; and the price editor. */
export function CostLine({ tokens, model, prices, reserve, onChange }: CostLineProps) {
  const [editing, setEditing] = useState(false)
  const price = priceFor(model, prices)
  const cost = price && tokens !== null ? promptCost(tokens, reserve, price) : null
  return (
    <div className="cost">
      <div className="cost-row">
        {price ? (
          <span>
            Cost{' '}
            <strong aria-label="Prompt cost">{cost ? formatCost(cost.total) : '…'}</strong>
            {reserve > 0 && cost && (
              <span className="hint">
                {' '}
                ({formatCost(cost.input)} prompt + {formatCost(cost.output)} for a {formatCount(reserve)}-token reply)
              </span>
            )}
          </span>
        ) : (
          <span className="hint" role="note">
            No price known for {model ?? 'the encoding alone'}: set one to see a cost.
          </span>
        )}
        <button type="button" className="button small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          Edit prices
        </button>
      </div>
      {price && <PriceCaption model={model} price={price} />}
      {editing && <PriceEditor key={model ?? ''} model={model} price={price} prices={prices} reserve={reserve} onChange={onChange} />}
    </div>
  )
}
