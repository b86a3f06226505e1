import { formatCount } from '@shared/text/format'
import { STANDARD_LIMITS } from '@shared/models/limits'
import type { ModelInfo } from '@shared/models/models'
import type { ActiveLimit } from '@shared/contract/settings'
import type { LimitRow } from './LimitsPanel'

/** The limits the text is measured against (1,024, 4,096, the model's window, a custom one). */
export function limitRows(model: ModelInfo | null, customLimit: number | null): LimitRow[] {
  const list: LimitRow[] = STANDARD_LIMITS.map((value) => ({
    key: (value === 1024 ? 'l1024' : 'l4096') as ActiveLimit,
    value,
    title: `${formatCount(value)} tokens`,
  }))
  if (model) list.push({ key: 'model', value: model.contextWindow, title: `${model.name} window` })
  if (customLimit !== null) list.push({ key: 'custom', value: customLimit, title: 'Custom limit' })
  return list
}
