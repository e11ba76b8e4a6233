import { Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import {
  ConflictContext,
  type ConflictChoice,
  type ConflictField,
  type ConflictQuestion,
  type ConflictResolver,
} from '@/lib/api';
import { useT, type Translate } from '@/lib/i18n';
import classes from './conflict.module.css';

interface PendingConflict {
  id: number;
  question: ConflictQuestion;
  settle: (choice: ConflictChoice) => void;
}

/** Provides useVersionCheck(): a 412 opens a dialog comparing the change with the current state. */
export function ConflictProvider({ children }: { children: ReactNode }) {
  const [queue, setQueue] = useState<readonly PendingConflict[]>([]);
  const nextId = useRef(0);
  const resolve = useCallback<ConflictResolver>(
    (question) =>
      new Promise<ConflictChoice>((settle) => {
        nextId.current += 1;
        const id = nextId.current;
        setQueue((current) => [...current, { id, question, settle }]);
      }),
    [],
  );
  const current = queue[0];
  const finish = (choice: ConflictChoice) => {
    current?.settle(choice);
    setQueue((pending) => pending.slice(1));
  };
  return (
    <ConflictContext.Provider value={resolve}>
      {children}
      {current !== undefined && <ConflictDialog key={current.id} question={current.question} onChoose={finish} />}
    </ConflictContext.Provider>
  );
}

/** A value of any field, for people: lists joined, null as a dash. */
export function formatConflictValue(value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('conflict.empty');
  if (typeof value === 'boolean') return value ? t('conflict.yes') : t('conflict.no');
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value.length === 0 ? t('conflict.empty') : value.map((item) => formatConflictValue(item, t)).join(', ');
  }
  return JSON.stringify(value);
}

function ConflictDialog({ question, onChoose }: { question: ConflictQuestion; onChoose: (choice: ConflictChoice) => void }) {
  const t = useT();
  const fields: readonly ConflictField[] =
    question.fields ?? Object.keys(question.mine).map((key) => ({ key, label: key }));
  const show = (field: ConflictField, value: unknown) => (field.format ?? ((v: unknown) => formatConflictValue(v, t)))(value);
  return (
    <Modal
      opened
      onClose={() => onChoose('cancel')}
      title={t('conflict.title')}
      centered
      size={620}
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <Stack gap="md">
        <Text size="sm">{t('conflict.description', { subject: question.subject })}</Text>
        <Table className={classes.table} withTableBorder verticalSpacing="xs" data-testid="conflict-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('conflict.field')}</Table.Th>
              <Table.Th scope="col">{t('conflict.yours')}</Table.Th>
              <Table.Th scope="col">{t('conflict.current')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => {
              const mine = show(field, question.mine[field.key]);
              const theirs = show(field, question.current[field.key]);
              const differs = mine !== theirs;
              return (
                <Table.Tr key={field.key} data-differs={differs || undefined}>
                  <Table.Th scope="row" fw={500}>
                    {field.label}
                  </Table.Th>
                  <Table.Td className={classes.value}>{mine}</Table.Td>
                  <Table.Td className={classes.value}>
                    {theirs}
                    {differs && (
                      <Badge ml={6} size="xs" color="orange" variant="light">
                        {t('conflict.changed')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Text size="sm" c="dimmed">
          {t('conflict.hint')}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={() => onChoose('cancel')}>
            {t('dialog.cancel')}
          </Button>
          <Button variant="default" onClick={() => onChoose('reload')}>
            {t('conflict.reload')}
          </Button>
          <Button onClick={() => onChoose('overwrite')}>
            {t('conflict.overwrite')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
