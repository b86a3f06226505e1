import { describe, expect, it } from 'vitest'
import { AddedTokenSplitter } from './addedTokens'

describe('AddedTokenSplitter', () => {
  const splitter = new AddedTokenSplitter([
    { id: 1, content: '\n', special: false },
    { id: 2, content: '\n\n', special: false },
    { id: 3, content: '<b>', special: true },
    { id: 4, content: '<b>x', special: true },
  ])

  it('finds leftmost-longest matches anywhere, with the plain text between', () => {
    expect(splitter.split('a\n\n\nb<b>xy<b>')).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 3, specialId: 2 },
      { start: 3, end: 4, specialId: 1 },
      { start: 4, end: 5 },
      { start: 5, end: 9, specialId: 4 },
      { start: 9, end: 10 },
      { start: 10, end: 13, specialId: 3 },
    ])
  })

  it('treats regex characters literally and gives one segment without tokens', () => {
    expect(new AddedTokenSplitter([{ id: 9, content: '[a|b]*', special: true }]).split('x[a|b]*')).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 7, specialId: 9 },
    ])
    expect(new AddedTokenSplitter([]).split('')).toEqual([{ start: 0, end: 0 }])
  })
})
