import { Button, Group, Loader, Select, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useT } from '@/lib/i18n';
import { pageSizes } from '../types';

export interface PagerProps {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  pageSize: number;
  onPageSizeChange: (size: number) => void;
  busy?: boolean;
}

/** Previous / Next over a keyset-paged list, the page number and the page size. */
export function Pager({ page, hasPrevious, hasNext, onPrevious, onNext, pageSize, onPageSizeChange, busy = false }: PagerProps) {
  const t = useT();
  return (
    <Group justify="space-between" px="md" py="sm" gap="sm" wrap="wrap" component="nav" aria-label={t('list.paging')}>
      <Group gap="xs">
        <Text size="sm" c="dimmed" className="kassa-numeric" aria-live="polite">
          {t('list.page', { page })}
        </Text>
        {busy && <Loader size={14} aria-label={t('list.refreshing')} />}
      </Group>
      <Group gap="xs">
        <Select
          size="xs"
          w={80}
          aria-label={t('list.pageSize')}
          data={pageSizes.map((size) => String(size))}
          value={String(pageSize)}
          onChange={(value) => value !== null && onPageSizeChange(Number(value))}
          comboboxProps={{ withinPortal: true }}
        />
        <Button
          variant="default"
          size="xs"
          leftSection={<IconChevronLeft size={14} aria-hidden="true" />}
          onClick={onPrevious}
          disabled={!hasPrevious}
        >
          {t('list.previous')}
        </Button>
        <Button
          variant="default"
          size="xs"
          rightSection={<IconChevronRight size={14} aria-hidden="true" />}
          onClick={onNext}
          disabled={!hasNext}
        >
          {t('list.next')}
        </Button>
      </Group>
    </Group>
  );
}
