import { describe, expect, it } from 'vitest'
import { decodeEntities, UDHR_ARTICLES, udhrHtmlToText } from './udhrText'
import { udhrCorpus, udhrHtml } from '../testing/udhrSource'

describe('udhrHtmlToText', () => {
  it('keeps headings and paragraphs in order, one a line, a blank line before each heading', () => {
    const html = `<html><head><title>T</title></head><body>
      <h1>Title</h1>
      <header><h2>Preamble</h2><p>Whereas  one,
        wrapped</p><p>Two &#x26; &amp; &lt;three&gt;</p></header>
      <article data-number="1"><h2>Article 1</h2><ol><li><p>First <b>bold</b></p></li><li><p>Second</p></li></ol></article>
      <article data-number="2"><h2>Article 2</h2><p>\u00a0kept\u3000spaces</p><p>   </p></article>
    </body></html>`
    expect(udhrHtmlToText(html)).toEqual({
      text: 'Title\n\nPreamble\nWhereas one, wrapped\nTwo & & <three>\n\nArticle 1\nFirst bold\nSecond\n\nArticle 2\n\u00a0kept\u3000spaces\n',
      articles: 2,
    })
  })

  it('decodes numeric references, turns invalid ones into U+FFFD and leaves unknown names', () => {
    expect(decodeEntities('&#65;&#x1F600;&#xD800;&#0;&bogus;&nbsp;')).toBe('A\u{1F600}\ufffd\ufffd&bogus;\u00a0')
  })

  it('gives no text for a file without blocks', () => {
    expect(udhrHtmlToText('<html><body></body></html>')).toEqual({ text: '', articles: 0 })
  })

  it("reads the package's English text: the title, the preamble, all 30 articles and no markup", () => {
    const { text, articles } = udhrHtmlToText(udhrHtml('eng'))
    expect(articles).toBe(UDHR_ARTICLES)
    expect(text.startsWith('Universal Declaration of Human Rights\n\nPreamble\nWhereas recognition of the inherent dignity')).toBe(true)
    expect(text).toContain('\n\nArticle 1\nAll human beings are born free and equal in dignity and rights.')
    expect(text).toContain('\n\nArticle 30\n')
    expect(text).not.toMatch(/[<>]|&#|\r|\n{3}| {2}/)
  })

  it('every translation in the package becomes text without tags or references, its words all kept', () => {
    for (const l of udhrCorpus().languages) {
      expect(l.text, l.code).not.toMatch(/<\/?(p|h[1-6]|li|ol|ul|article|header|body|html|head|title|b|i|em|span|br)\b|&#x?[0-9a-f]+;/i)
      // Independent check: the words of the HTML's paragraphs (tags dropped, references decoded) appear in the text, in order.
      const html = udhrHtml(l.code)
      const first = /<p>([^<]*)<\/p>/.exec(html)?.[1]
      if (first) expect(l.text, l.code).toContain(decodeEntities(first).replace(/[ \t\r\n\f]+/g, ' ').replace(/^ | $/g, ''))
    }
  })
})
