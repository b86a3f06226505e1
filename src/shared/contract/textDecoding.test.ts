import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countInvalidUtf8, decodeFileBytes, openTextFileFromBytes } from './textDecoding'

const enc = (s: string) => new TextEncoder().encode(s)

describe('decodeFileBytes', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    const r = decodeFileBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('héllo 🦙')]))
    expect(r).toEqual({ ok: true, text: 'héllo 🦙', encoding: 'utf-8', invalidBytes: 0 })
  })
  it('decodes UTF-16 LE and BE with a BOM', () => {
    const le = new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00, 0x3e, 0xd8, 0x99, 0xdd])
    expect(decodeFileBytes(le)).toMatchObject({ ok: true, text: 'hi🦙', encoding: 'utf-16le', invalidBytes: 0 })
    const be = new Uint8Array([0xfe, 0xff, 0x00, 0x68, 0x00, 0x69])
    expect(decodeFileBytes(be)).toMatchObject({ ok: true, text: 'hi', encoding: 'utf-16be' })
  })
  it('opens invalid UTF-8 with replacement characters and counts the bad bytes', () => {
    const r = decodeFileBytes(new Uint8Array([0x61, 0xff, 0x62, 0xc3, 0x28, 0xed, 0xa0, 0x80]))
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.text.startsWith('a\ufffdb')).toBe(true)
      expect(r.invalidBytes).toBe(5)
    }
  })
  it('refuses binary files', () => {
    expect(decodeFileBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]))).toMatchObject({ ok: false, reason: 'binary' })
  })
  it('refuses files over the cap', () => {
    expect(decodeFileBytes(new Uint8Array(11), 10)).toMatchObject({ ok: false, reason: 'too-large' })
  })
  it('decodes any bytes as the browser would, and counts bad bytes exactly when there are some', () => {
    const lenient = new TextDecoder('utf-8', { ignoreBOM: true })
    const bytesArb = fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => b.map((x) => x || 0x41))
    const validArb = fc.string({ unit: 'grapheme', maxLength: 40 }).map((t) => enc(t.replace(/\0/g, 'x')))
    fc.assert(
      fc.property(fc.oneof(bytesArb, validArb), (bytes) => {
        fc.pre(!(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff))
        const r = decodeFileBytes(bytes)
        const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
        expect(r).toMatchObject({ ok: true, encoding: 'utf-8', text: lenient.decode(body), invalidBytes: countInvalidUtf8(body) })
      }),
    )
  })
  it('opens an empty file as empty text', () => {
    expect(decodeFileBytes(new Uint8Array())).toMatchObject({ ok: true, text: '' })
  })
})

describe('countInvalidUtf8', () => {
  it('accepts every valid sequence length and rejects overlongs and surrogates', () => {
    expect(countInvalidUtf8(enc('aé日🦙'))).toBe(0)
    expect(countInvalidUtf8(new Uint8Array([0xc0, 0x80]))).toBe(2) // overlong NUL
    expect(countInvalidUtf8(new Uint8Array([0xe0, 0x80, 0x80]))).toBe(3) // overlong
    expect(countInvalidUtf8(new Uint8Array([0xf0, 0x9f, 0xa6]))).toBe(3) // truncated
  })
})

describe('openTextFileFromBytes', () => {
  it('warns with the count of invalid bytes', () => {
    const r = openTextFileFromBytes('notes.txt', new Uint8Array([0x61, 0xff]))
    expect(r.kind).toBe('opened')
    if (r.kind === 'opened') expect(r.file.warning).toMatch(/1 invalid byte was replaced/)
  })
  it('names the file in a refusal', () => {
    const r = openTextFileFromBytes('image.png', new Uint8Array([0, 1, 2]))
    expect(r).toEqual({ kind: 'error', message: expect.stringMatching(/^Could not open image\.png\. .*binary/) })
  })
})
