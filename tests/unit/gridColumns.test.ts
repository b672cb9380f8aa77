import { describe, expect, it } from 'vitest'
import { LOG_KIND_VIEWS } from '@/logKinds/views'
import { gridMinWidth, gridTemplate, headerSort, runMarkColour, SORT_MARKS } from '@/logPage/grid/gridColumns'

const columns = LOG_KIND_VIEWS.listing.columns

describe('gridColumns', () => {
  it("gives header and rows one track per column, and a least width of the columns' least and the run mark", () => {
    expect(gridTemplate(columns)).toBe(columns.map((c) => `minmax(${c.width.min}px, ${c.width.grow}fr)`).join(' '))
    expect(gridMinWidth(columns)).toBe(columns.reduce((sum, c) => sum + c.width.min, 0) + 4)
  })

  it('says which header sorts the grid, which way, and which headers can sort it', () => {
    const byDate = columns.find((c) => c.sortField === 'createDate')!
    const other = columns.find((c) => c.sortField && c.sortField !== 'createDate')!
    const unsortable = columns.find((c) => !c.sortField)!
    expect(headerSort(byDate, { field: 'createDate', direction: 'desc' })).toBe('descending')
    expect(headerSort(byDate, { field: 'createDate', direction: 'asc' })).toBe('ascending')
    expect(headerSort(other, { field: 'createDate', direction: 'asc' })).toBe('none')
    expect(headerSort(unsortable, { field: 'createDate', direction: 'asc' })).toBeUndefined()
    expect(Object.values(SORT_MARKS)).toEqual(['▲', '▼', '↕'])
  })

  it('marks no run as transparent, and neighbouring runs in different shades of slate', () => {
    expect(runMarkColour(null)).toBe('transparent')
    for (let run = 0; run < 20; run++) {
      expect(runMarkColour(run)).toMatch(/^#[0-9a-f]{6}$/)
      expect(runMarkColour(run)).not.toBe(runMarkColour(run + 1))
    }
    expect(runMarkColour(7)).toBe(runMarkColour(11))
  })
})
