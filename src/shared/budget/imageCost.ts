// What an image costs in prompt tokens, per provider and model family, by each provider's
// published method. Checked 2026-12-07 against the facts recorded in the project (DESIGN.md
// §2, issue 24); the web was not reachable from the machine, so constants not given there
// are marked `verified: false`.

/** OpenAI's detail setting: `auto` lets the API choose (counted here as high, the larger). */
export type ImageDetail = 'auto' | 'low' | 'high'

/** The detail values in the order the select shows them. */
export const IMAGE_DETAILS: readonly ImageDetail[] = ['auto', 'low', 'high']

/** The date the methods below were checked. */
export const IMAGE_COSTS_CHECKED = '2026-12-07'

const OPENAI_VISION = 'https://platform.openai.com/docs/guides/images-vision#calculating-costs'
const ANTHROPIC_VISION = 'https://docs.claude.com/en/docs/build-with-claude/vision#evaluate-image-size'
const GEMINI_TOKENS = 'https://ai.google.dev/gemini-api/docs/tokens#multimodal-tokens'
const GEMMA3_CARD = 'https://ai.google.dev/gemma/docs/core/model_card_3'

/** Every page the image methods cite (the app shows them as links). */
export const IMAGE_COST_SOURCES: readonly string[] = [OPENAI_VISION, ANTHROPIC_VISION, GEMINI_TOKENS, GEMMA3_CARD]

/** How a model family's images are counted. */
export interface ImageCostMethod {
  /** Short name of the method ("OpenAI tiles (85 + 170 per tile)"). */
  name: string
  /** The provider's page that publishes it. */
  source: string
  /** When it was checked. */
  checked: string
  /** True where the provider gives the method as an approximation, or the count is ours. */
  estimate: boolean
  /** False where the constants were not in the project's checked facts (recalled from the source, to re-check). */
  verified: boolean
  /** True when the provider has a detail setting (OpenAI). */
  hasDetail: boolean
  /** The tokens of one image of `width` x `height` pixels. */
  cost(width: number, height: number, detail: ImageDetail): ImageCost
}

/** One image's tokens and how they came about. */
export interface ImageCost {
  tokens: number
  /** How the number was reached, for a tooltip ("scaled to 768 x 768: 4 tiles"). */
  how: string
}

/** What a model does with images: a method, or why there is no number. */
export type ImageSupport = { ok: true; method: ImageCostMethod } | { ok: false; reason: string }

const round = (x: number) => Math.round(x)

/** OpenAI's tile method: fit in 2048 x 2048, short side to 768, then base + perTile x 512-px tiles; low detail: base. */
function openaiTiles(base: number, perTile: number, verified: boolean, family: string): ImageCostMethod {
  return {
    name: `OpenAI ${family}: ${base} + ${perTile} per 512-px tile`,
    source: OPENAI_VISION,
    checked: IMAGE_COSTS_CHECKED,
    estimate: false,
    verified,
    hasDetail: true,
    cost(width, height, detail) {
      if (detail === 'low') return { tokens: base, how: `detail low: ${base} tokens whatever the size` }
      let w = width
      let h = height
      const fit = Math.min(1, 2048 / Math.max(w, h))
      w *= fit
      h *= fit
      const short = Math.min(w, h)
      if (short > 768) {
        w *= 768 / short
        h *= 768 / short
      }
      const tiles = Math.ceil(round(w) / 512) * Math.ceil(round(h) / 512)
      const auto = detail === 'auto' ? ' (auto counted as high)' : ''
      return { tokens: base + perTile * tiles, how: `scaled to ${round(w)} x ${round(h)}: ${tiles} tile${tiles === 1 ? '' : 's'}, ${base} + ${perTile} x ${tiles}${auto}` }
    },
  }
}

/** OpenAI's patch method (32-px patches, at most 1,536, times the model's multiplier); no detail setting. */
function openaiPatches(multiplier: number): ImageCostMethod {
  return {
    name: `OpenAI patches: 32-px patches (at most 1,536) x ${multiplier}`,
    source: OPENAI_VISION,
    checked: IMAGE_COSTS_CHECKED,
    estimate: false,
    verified: false,
    hasDetail: false,
    cost(width, height) {
      const max = 1536
      let patches = Math.ceil(width / 32) * Math.ceil(height / 32)
      let how = `${patches} patches`
      if (patches > max) {
        let r = Math.sqrt((32 * 32 * max) / (width * height))
        r *= Math.min(Math.floor((width * r) / 32) / ((width * r) / 32), Math.floor((height * r) / 32) / ((height * r) / 32))
        const w = width * r
        const h = height * r
        patches = Math.min(max, Math.ceil(w / 32) * Math.ceil(h / 32))
        how = `scaled to ${Math.floor(w)} x ${Math.floor(h)}: ${patches} patches`
      }
      return { tokens: Math.ceil(patches * multiplier), how: `${how} x ${multiplier}` }
    },
  }
}

/** Anthropic: about width x height / 750 once the long edge is at most 1,568 px and the image at most about 1,600 tokens. */
const ANTHROPIC: ImageCostMethod = {
  name: 'Anthropic: width x height / 750 (long edge at most 1,568 px)',
  source: ANTHROPIC_VISION,
  checked: IMAGE_COSTS_CHECKED,
  estimate: true,
  verified: true,
  hasDetail: false,
  cost(width, height) {
    let s = Math.min(1, 1568 / Math.max(width, height))
    // Images over about 1,600 tokens (1.2 megapixels) are scaled down too.
    s = Math.min(s, Math.sqrt((1600 * 750) / (width * height)))
    const w = Math.round(width * s)
    const h = Math.round(height * s)
    const tokens = Math.min(1600, Math.ceil((w * h) / 750))
    return { tokens, how: `${s < 1 ? `scaled to ${w} x ${h}, ` : ''}${w} x ${h} / 750 (Anthropic’s approximation)` }
  },
}

/** Gemini 2.x: 258 tokens up to 384 px on both sides, else 258 per 768 x 768 tile (our tiling: the provider's crop is not published). */
const GEMINI: ImageCostMethod = {
  name: 'Gemini: 258 per image up to 384 px, else 258 per 768-px tile',
  source: GEMINI_TOKENS,
  checked: IMAGE_COSTS_CHECKED,
  estimate: true,
  verified: true,
  hasDetail: false,
  cost(width, height) {
    if (width <= 384 && height <= 384) return { tokens: 258, how: 'up to 384 x 384: 258 tokens' }
    const tiles = Math.ceil(width / 768) * Math.ceil(height / 768)
    return { tokens: 258 * tiles, how: `${tiles} tile${tiles === 1 ? '' : 's'} of 768 x 768, 258 each (estimate: Google does not publish its crop)` }
  },
}

/** Gemma 3: every image is scaled to 896 x 896 and encoded as 256 tokens (plus its begin/end image tokens, not counted here). */
const GEMMA3: ImageCostMethod = {
  name: 'Gemma 3: 256 tokens per image (scaled to 896 x 896)',
  source: GEMMA3_CARD,
  checked: IMAGE_COSTS_CHECKED,
  estimate: true,
  verified: false,
  hasDetail: false,
  cost: () => ({ tokens: 256, how: 'scaled to 896 x 896: 256 tokens' }),
}

/**
 * The OpenAI families, first match wins (names as gpt-tokenizer lists them, dated snapshots
 * included). One method object each: the same model gives the same object, so a panel that
 * passes it down does not redraw for a new but equal one.
 */
const OPENAI_FAMILIES: readonly [RegExp, ImageCostMethod][] = [
  [/^gpt-4o-mini(-|$)/, openaiTiles(2833, 5667, true, 'GPT-4o mini')],
  [/^(gpt-4\.1-mini|gpt-5(\.\d)?-mini)(-|$)/, openaiPatches(1.62)],
  [/^(gpt-4\.1-nano|gpt-5(\.\d)?-nano)(-|$)/, openaiPatches(2.46)],
  [/^o4-mini(-|$)/, openaiPatches(1.72)],
  [/^(o1|o1-pro|o3|o3-pro)(-\d{4}-\d\d-\d\d)?$/, openaiTiles(75, 150, false, 'o1/o3')],
  [/^gpt-5(\.\d)?(-|$)/, openaiTiles(70, 140, false, 'GPT-5')],
  [/^computer-use-preview(-|$)/, openaiTiles(65, 129, false, 'computer use')],
  [/^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-4-turbo|gpt-4-1106-vision)(-|$)/, openaiTiles(85, 170, true, 'GPT-4o class')],
]

/**
 * How `model`'s images are counted. `imageInput` is what the model list says of image input
 * (gpt-tokenizer's model specs; undefined where the list does not say): a model said to take
 * no images gets the reason instead of a method.
 */
export function imageSupport(model: string, imageInput?: boolean): ImageSupport {
  const name = model.toLowerCase()
  if (/^claude-/.test(name)) return { ok: true, method: ANTHROPIC }
  if (/^gemini-/.test(name)) return { ok: true, method: GEMINI }
  if (/^gemma-3-(4b|12b|27b)/.test(name)) return { ok: true, method: GEMMA3 }
  if (imageInput === false) return { ok: false, reason: `${model} takes no images.` }
  for (const [pattern, method] of OPENAI_FAMILIES) if (pattern.test(name)) return { ok: true, method }
  if (imageInput) return { ok: false, reason: `${model} takes images, but its image cost is not published in a form counted here.` }
  return { ok: false, reason: `${model} takes no images (as far as its model card says).` }
}
