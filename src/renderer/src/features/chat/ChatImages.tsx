import { memo } from 'react'
import type { ChatImage } from '@shared/budget/chatImage'
import { IMAGE_DETAILS, type ImageCostMethod, type ImageDetail } from '@shared/budget/imageCost'
import { formatCount } from '@shared/text/format'

/** Props of a message's image list. */
export interface ChatImagesProps {
  /** The message's number (from 1), for the controls' names. */
  n: number
  images: readonly ChatImage[]
  /** Thumbnails by image id (absent: not kept, or too large to show). */
  thumbs: ReadonlyMap<string, string>
  /** How the chat's model counts images; null: it takes none (`noImages` says why). */
  method: ImageCostMethod | null
  noImages: string | null
  onDetail(id: string, detail: ImageDetail): void
  onRemove(id: string): void
}

/** The images of one message: thumbnail, pixel size, token cost for the chat's model, detail, remove. */
export const ChatImages = memo(function ChatImages({ n, images, thumbs, method, noImages, onDetail, onRemove }: ChatImagesProps) {
  if (!images.length) return null
  return (
    <ul className="chat-images" aria-label={`Images of message ${n}`}>
      {images.map((img, k) => {
        const cost = method?.cost(img.width, img.height, img.detail)
        const thumb = thumbs.get(img.id)
        const label = `image ${k + 1} of message ${n}`
        return (
          <li key={img.id} className="chat-image">
            {thumb ? <img src={thumb} alt={img.name} className="chat-thumb" /> : <span className="chat-thumb none" title="No preview: the file is large, or was added in an earlier session (its size was kept)">{img.name.split('.').pop()?.toUpperCase() ?? 'IMG'}</span>}
            <div className="chat-image-info">
              <span className="chat-image-name" title={img.name}>{img.name}</span>
              <span className="hint" aria-label={`Size and tokens of ${label}`}>
                {formatCount(img.width)} x {formatCount(img.height)} px ·{' '}
                {cost ? (
                  <span title={`${cost.how}. ${method!.name}; ${method!.source} (checked ${method!.checked})`}>
                    {method!.estimate ? 'about ' : ''}
                    {formatCount(cost.tokens)} tokens{method!.estimate ? ' (estimate)' : ''}
                  </span>
                ) : (
                  (noImages ?? 'not counted')
                )}
              </span>
            </div>
            {method?.hasDetail && (
              <label className="chat-image-detail">
                Image detail
                <select aria-label={`Image detail of ${label}`} value={img.detail} onChange={(e) => onDetail(img.id, e.target.value as ImageDetail)}>
                  {IMAGE_DETAILS.map((d) => (
                    <option key={d} value={d}>
                      {d === 'auto' ? 'auto (counted as high)' : d}
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button type="button" className="button small" aria-label={`Remove ${label}`} onClick={() => onRemove(img.id)}>
              ✕
            </button>
          </li>
        )
      })}
    </ul>
  )
})
