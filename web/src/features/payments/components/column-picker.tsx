import { Button, Checkbox, Popover, Stack, Text } from '@mantine/core';
import { IconLayoutColumns } from '@tabler/icons-react';
import type { ReactTable, RowData } from '@tanstack/react-table';
import { useId } from 'react';
import { useT } from '@/lib/i18n';
import type { ListFeatures } from './list-table';

/** "Columns": a checkbox per column that can be hidden; the choice is kept in the browser. */
export function ColumnPicker<TData extends RowData>({ table }: { table: ReactTable<ListFeatures, TData> }) {
  const t = useT();
  const headingId = useId();
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus returnFocus>
      <Popover.Target>
        <Button variant="default" size="xs" leftSection={<IconLayoutColumns size={14} aria-hidden="true" />}>
          {t('list.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-labelledby={headingId}>
        <Text id={headingId} size="xs" fw={600} c="dimmed" mb="xs">
          {t('list.columnsHint')}
        </Text>
        <Stack gap={8}>
          {table.getAllLeafColumns().map((column) => (
            <Checkbox
              key={column.id}
              size="xs"
              label={column.columnDef.meta?.label ?? column.id}
              checked={column.getIsVisible()}
              disabled={!column.getCanHide()}
              onChange={(event) => column.toggleVisibility(event.currentTarget.checked)}
            />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
