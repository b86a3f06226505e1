// Renderings expected from each template's own logic (read in its tokenizer_config.json):
// where BOS goes, where the system prompt goes, what the generation prompt is.
import { describe, expect, it } from 'vitest'
import { renderChat, type ChatTemplateConfig } from './chatTemplate'
import { hfAsset, readJsonAsset } from './catalog'
import { sourceReader } from '../testing/bundledSources'

const config = async (id: string) => (await readJsonAsset(sourceReader, hfAsset(id, 'tokenizer_config'))) as ChatTemplateConfig
const chat = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: 'Hi' },
  { role: 'assistant', content: 'Hello!' },
  { role: 'user', content: 'Bye' },
]

describe('renderChat', () => {
  it('Llama 3: BOS once, headers per message, content trimmed, the assistant header always (this early template ignores add_generation_prompt)', async () => {
    const r = renderChat(await config('llama3'), [{ role: 'user', content: ' Hi \n' }], true)
    expect(r).toEqual({ ok: true, text: '<|begin_of_text|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|><|start_header_id|>assistant<|end_header_id|>\n\n' })
    expect(renderChat(await config('llama3'), [{ role: 'user', content: ' Hi \n' }], false)).toEqual(r)
    const qwenNoPrompt = renderChat(await config('qwen3'), [{ role: 'user', content: 'Hi' }], false)
    expect(qwenNoPrompt).toEqual({ ok: true, text: '<|im_start|>user\nHi<|im_end|>\n' })
  })

  it('Qwen 3: no BOS, im_start blocks, the system message first', async () => {
    expect(renderChat(await config('qwen3'), chat, true)).toEqual({
      ok: true,
      text: '<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n<|im_start|>assistant\n',
    })
  })

  it('Gemma 3: the system prompt joins the first user turn; the model turn is the prompt', async () => {
    expect(renderChat(await config('gemma3'), chat, true)).toEqual({
      ok: true,
      text: '<bos><start_of_turn>user\nBe brief.\n\nHi<end_of_turn>\n<start_of_turn>model\nHello!<end_of_turn>\n<start_of_turn>user\nBye<end_of_turn>\n<start_of_turn>model\n',
    })
  })

  it('Mistral Nemo: the system prompt goes into the last user turn', async () => {
    expect(renderChat(await config('mistral-nemo'), chat, true)).toEqual({ ok: true, text: '<s>[INST]Hi[/INST]Hello!</s>[INST]Be brief.\n\nBye[/INST]' })
  })

  it('DeepSeek V3: BOS from an AddedToken object, system text right after it', async () => {
    expect(renderChat(await config('deepseek-v3'), chat, true)).toEqual({
      ok: true,
      text: '<｜begin▁of▁sentence｜>Be brief.<｜User｜>Hi<｜Assistant｜>Hello!<｜end▁of▁sentence｜><｜User｜>Bye<｜Assistant｜>',
    })
  })

  it('says why when a template refuses or is missing', async () => {
    // (Mistral Nemo's own role check does not fire under @huggingface/jinja 0.5.11: a lone
    // assistant message renders as '<s>x</s>' where Python's Jinja raises.)
    const r = renderChat({ chat_template: "{{ raise_exception('roles must alternate') }}" }, chat, true)
    expect(r).toEqual({ ok: false, reason: 'The chat template could not be rendered: roles must alternate' })
    expect(renderChat({}, chat, true)).toEqual({ ok: false, reason: 'This tokenizer has no chat template.' })
    expect(renderChat({ chat_template: '{% for %}' }, chat, true).ok).toBe(false)
  })
})
