import { Alert, Button, FileButton, Group, List, Modal, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { isApiProblem, problemMessage, type ProblemFieldError } from '@/lib/api';
import { formatCount } from '@/lib/format';
import { plural, useI18n, type Translate } from '@/lib/i18n';
import { useImportFxRates } from '../api/import-fx-rates';
import { useRequestKey } from '../request-key';
import { changeProblemTitle } from './problem-title';
import classes from './fx-rates.module.css';

const example = 'day,currency,rate\n2026-03-02,USD,0.9241\n2026-03-02,GBP,1.1702\n';

type Source = 'file' | 'paste';

interface ChosenFile {
  name: string;
  size: number;
  text: string;
}

/** A bad line the server named ("line 3"), with the line's text from the file when it can be found. */
interface BadLine {
  key: string;
  label: string;
  message: string;
  text: string | undefined;
}

function badLinesOf(errors: readonly ProblemFieldError[], csv: string, t: Translate): BadLine[] {
  const lines = csv.split(/\r?\n/);
  return errors.map((error, index) => {
    const match = /^line (\d+)$/i.exec(error.field);
    const number = match === null ? undefined : Number(match[1]);
    return {
      key: `${error.field}:${index}`,
      label: number === undefined ? error.field : t('fxRates.line', { line: number }),
      message: error.message,
      text: number === undefined ? undefined : lines[number - 1],
    };
  });
}

function sizeLabel(bytes: number, locale: string): string {
  if (bytes < 1024) return `${formatCount(bytes, locale)} B`;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024)} KB`;
}

/** Rates from a CSV file or pasted text, all or nothing; a refused file lists every bad line. */
export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { t, formatLocale } = useI18n();
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [pasted, setPasted] = useState('');
  const [empty, setEmpty] = useState(false);
  const requestKey = useRequestKey();
  const importRates = useImportFxRates();
  const csv = source === 'file' ? (file?.text ?? '') : pasted;
  // The text the last answer was about: the lines it names are in it.
  const [sent, setSent] = useState('');

  const choose = (chosen: File | null) => {
    importRates.reset();
    setEmpty(false);
    setFileError(null);
    if (chosen === null) {
      setFile(null);
      return;
    }
    chosen.text().then(
      (text) => setFile({ name: chosen.name, size: chosen.size, text }),
      () => {
        setFile(null);
        setFileError(t('fxRates.fileUnreadable'));
      },
    );
  };

  const submit = () => {
    if (csv.trim() === '') {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    setSent(csv);
    importRates.mutate(
      { csv, idempotencyKey: requestKey(csv) },
      {
        onSuccess: ({ imported }) => {
          notifications.show({ color: 'teal', message: plural(t, formatLocale, 'fxRates.imported', imported) });
          onClose();
        },
      },
    );
  };

  const error = importRates.error;
  const badLines = isApiProblem(error) && error.is('bad-csv') ? badLinesOf(error.errors, sent, t) : null;

  return (
    <Modal opened onClose={onClose} title={t('fxRates.importTitle')} centered size={600} closeButtonProps={{ 'aria-label': t('dialog.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('fxRates.importDescription')}
          </Text>
          <SegmentedControl
            aria-label={t('fxRates.importSource')}
            value={source}
            onChange={(value) => {
              setSource(value as Source);
              setEmpty(false);
              importRates.reset();
            }}
            data={[
              { value: 'file', label: t('fxRates.importFile') },
              { value: 'paste', label: t('fxRates.importPaste') },
            ]}
          />
          {source === 'file' ? (
            <Stack gap={6}>
              <Group gap="sm" wrap="nowrap">
                <FileButton onChange={choose} accept=".csv,text/csv,text/plain">
                  {(props) => (
                    <Button {...props} variant="default" leftSection={<IconFileUpload size={16} aria-hidden="true" />}>
                      {t('fxRates.chooseFile')}
                    </Button>
                  )}
                </FileButton>
                <Text size="sm" c={file === null ? 'dimmed' : undefined} truncate data-testid="fx-import-file">
                  {file === null ? t('fxRates.noFile') : t('fxRates.chosenFile', { name: file.name, size: sizeLabel(file.size, formatLocale) })}
                </Text>
              </Group>
              {fileError !== null && (
                <Text size="sm" c="red" role="alert">
                  {fileError}
                </Text>
              )}
            </Stack>
          ) : (
            <Textarea
              label={t('fxRates.pasteLabel')}
              placeholder={example}
              value={pasted}
              onChange={(event) => {
                setPasted(event.currentTarget.value);
                setEmpty(false);
              }}
              rows={8}
              resize="vertical"
              spellCheck={false}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-autofocus
            />
          )}
          {empty && (
            <Text size="sm" c="red" role="alert">
              {t('fxRates.emptyCsv')}
            </Text>
          )}
          {badLines !== null ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertCircle size={18} aria-hidden="true" />}
              title={t('fxRates.importFailed')}
              role="alert"
              data-testid="fx-import-errors"
            >
              {/* The title already says nothing was imported; the server's sentence matters when no line is named. */}
              {badLines.length === 0 && <Text size="sm">{problemMessage(error, t)}</Text>}
              {badLines.length > 0 && (
                <>
                  <Text size="sm" fw={600} id="fx-bad-lines">
                    {t('fxRates.badLines')}
                  </Text>
                  <List size="sm" mt={4} spacing={6} className={classes.badLines} aria-labelledby="fx-bad-lines">
                    {badLines.map((line) => (
                      <List.Item key={line.key}>
                        <Text span size="sm" fw={600}>
                          {line.label}:
                        </Text>{' '}
                        {line.message}
                        {line.text !== undefined && line.text !== '' && (
                          <Text size="xs" className={classes.badLine}>
                            {line.text}
                          </Text>
                        )}
                      </List.Item>
                    ))}
                  </List>
                </>
              )}
            </Alert>
          ) : (
            <FormError error={error} title={changeProblemTitle(error, t)} />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={importRates.isPending}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" loading={importRates.isPending}>
              {t('fxRates.importSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
