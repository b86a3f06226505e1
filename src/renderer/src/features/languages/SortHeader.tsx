import type { SortKey, SortOrder } from '@shared/languages/languageCounts'

/** Props of a SortHeader. */
export interface SortHeaderProps {
  label: string
  column: SortKey
  sort: SortOrder
  onSort(sort: SortOrder): void
  /** Numbers start sorted from the largest; names from A. */
  numeric?: boolean
}

/** A column header that sorts the table by its column (again: the other way), with aria-sort saying how it is sorted. */
export function SortHeader({ label, column, sort, onSort, numeric = false }: SortHeaderProps) {
  const active = sort.key === column
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'} className={numeric ? 'num' : undefined}>
      <button type="button" className="languages-sort" onClick={() => onSort({ key: column, descending: active ? !sort.descending : numeric })}>
        {label}
        <span aria-hidden="true" className="languages-sort-mark">
          {active ? (sort.descending ? ' ▼' : ' ▲') : ''}
        </span>
      </button>
    </th>
  )
}
