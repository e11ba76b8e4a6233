import { Table } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';
import {
  columnVisibilityFeature,
  metaHelper,
  tableFeatures,
  type ColumnVisibilityState,
  type ReactTable,
  type RowData,
} from '@tanstack/react-table';
import { useCallback, useMemo, type MouseEvent } from 'react';
import classes from './list-table.module.css';

export interface ListColumnMeta {
  /** The column's name in the column picker. */
  label: string;
  align?: 'start' | 'end';
}

/** The table features the lists use: column choice, and a label per column. */
export const listTableFeatures = tableFeatures({ columnVisibilityFeature, columnMeta: metaHelper<ListColumnMeta>() });
export type ListFeatures = typeof listTableFeatures;

/**
 * Which columns are shown, kept in this browser (localStorage) per list, on
 * top of the list's defaults; a column added later shows its default.
 */
export function usePersistedColumns(storageKey: string, defaults: ColumnVisibilityState) {
  const [stored, setStored] = useLocalStorage<ColumnVisibilityState>({
    key: storageKey,
    defaultValue: {},
    getInitialValueInEffect: false,
  });
  // A stable object while nothing changes: the table's state compares by reference.
  const visibility: ColumnVisibilityState = useMemo(() => ({ ...defaults, ...stored }), [defaults, stored]);
  const setVisibility = useCallback(
    (updater: ColumnVisibilityState | ((old: ColumnVisibilityState) => ColumnVisibilityState)) =>
      setStored((current) => (typeof updater === 'function' ? updater({ ...defaults, ...current }) : updater)),
    // `defaults` is a module constant of each list.
    [setStored],
  );
  return [visibility, setVisibility] as const;
}

/** Clicks on links, buttons and inputs inside a row do their own thing. */
function isInteractive(target: EventTarget | null, row: HTMLElement): boolean {
  const element = target instanceof Element ? target.closest('a, button, input, label, [role="button"]') : null;
  return element !== null && row.contains(element);
}

export interface ListTableProps<TData extends RowData> {
  table: ReactTable<ListFeatures, TData>;
  /** Opens a row; a click anywhere on the row does the same as its link. */
  onOpen: (row: TData) => void;
  minWidth?: number;
  testId: string;
  /** Dims the rows while the next page loads. */
  stale?: boolean;
}

/** A list as a table: quiet headings, one row per item, the whole row opens it. */
export function ListTable<TData extends RowData>({ table, onOpen, minWidth = 900, testId, stale = false }: ListTableProps<TData>) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing={10} horizontalSpacing="md" highlightOnHover data-testid={testId} className={classes.table} data-stale={stale || undefined}>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <Table.Th key={header.id} scope="col" ta={header.column.columnDef.meta?.align === 'end' ? 'right' : undefined}>
                  {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                </Table.Th>
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Table.Tr
              key={row.id}
              className={classes.row}
              onClick={(event: MouseEvent<HTMLTableRowElement>) => {
                if (!isInteractive(event.target, event.currentTarget)) onOpen(row.original);
              }}
            >
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id} ta={cell.column.columnDef.meta?.align === 'end' ? 'right' : undefined}>
                  <table.FlexRender cell={cell} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
