/**
 * The lab's number fields as typed: each checked against its range, with a message when it is
 * not usable (the lab then keeps the last good value).
 */
import type { SamplingSettings } from './pipeline'

/** The fields of the lab that take a number. */
export type NumberField = keyof SamplingSettings | 'seed'

/** Each field's label, range and whether it takes whole numbers only. */
export const FIELD_RULES: Record<NumberField, { label: string; min: number; max: number; integer: boolean; step: number }> = {
  temperature: { label: 'Temperature', min: 0, max: 2, integer: false, step: 0.05 },
  topK: { label: 'Top-k', min: 0, max: 100_000, integer: true, step: 1 },
  topP: { label: 'Top-p', min: 0, max: 1, integer: false, step: 0.05 },
  minP: { label: 'Min-p', min: 0, max: 1, integer: false, step: 0.01 },
  seed: { label: 'Seed', min: 0, max: 4294967295, integer: true, step: 1 },
}

/** The number typed in `field`, or a message saying what is wrong with it. */
export function readNumberField(field: NumberField, text: string): { value: number } | { error: string } {
  const rule = FIELD_RULES[field]
  const t = text.trim()
  const range = `${rule.integer ? 'a whole number' : 'a number'} from ${rule.min} to ${rule.max.toLocaleString('en-US')}`
  if (t === '') return { error: `${rule.label} is empty: type ${range}.` }
  const value = Number(t)
  if (!Number.isFinite(value)) return { error: `${rule.label} must be ${range}, not "${t}".` }
  if (value < rule.min || value > rule.max || (rule.integer && !Number.isInteger(value))) return { error: `${rule.label} must be ${range}; ${t} is not.` }
  return { value }
}
