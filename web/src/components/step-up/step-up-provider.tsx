import { Button, Group, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { CodeInput, totpCodeLength } from '@/components/code-input';
import { FormError } from '@/components/form-error';
import { confirmStepUp, StepUpContext, type StepUpAction, type StepUpConfirmer } from '@/lib/api';
import { useI18n } from '@/lib/i18n';
import { describeStepUpAction, type NameOf } from './describe-action';
import classes from './step-up.module.css';

interface PendingStepUp {
  id: number;
  action: StepUpAction;
  settle: (confirmation: string | null) => void;
}

export interface StepUpProviderProps {
  children: ReactNode;
  /** Names for the ids in an action (projects, users, keys). */
  nameOf?: NameOf;
}

/**
 * Provides useStepUp(): when a request needs a step-up, shows what exactly
 * is being confirmed and asks for a fresh code. Requests that need one at
 * the same time are confirmed one after the other.
 */
export function StepUpProvider({ children, nameOf }: StepUpProviderProps) {
  const [queue, setQueue] = useState<readonly PendingStepUp[]>([]);
  const nextId = useRef(0);
  const confirm = useCallback<StepUpConfirmer>(
    (action) =>
      new Promise<string | null>((resolve) => {
        nextId.current += 1;
        const id = nextId.current;
        setQueue((current) => [...current, { id, action, settle: resolve }]);
      }),
    [],
  );
  const current = queue[0];
  const finish = useCallback(
    (confirmation: string | null) => {
      current?.settle(confirmation);
      setQueue((pending) => pending.slice(1));
    },
    [current],
  );
  return (
    <StepUpContext.Provider value={confirm}>
      {children}
      {current !== undefined && (
        // A new key per action: the code field starts empty for each.
        <StepUpDialog key={current.id} action={current.action} onDone={finish} nameOf={nameOf} />
      )}
    </StepUpContext.Provider>
  );
}

interface StepUpDialogProps {
  action: StepUpAction;
  onDone: (confirmation: string | null) => void;
  nameOf: NameOf | undefined;
}

function StepUpDialog({ action, onDone, nameOf }: StepUpDialogProps) {
  const { t, formatLocale } = useI18n();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);
  const description = useMemo(() => describeStepUpAction(action, t, formatLocale, nameOf), [action, t, formatLocale, nameOf]);

  const submit = async (value: string) => {
    if (value.length !== totpCodeLength || submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setError(null);
    try {
      const confirmation = await confirmStepUp(action, value);
      onDone(confirmation);
    } catch (failure) {
      setError(failure);
      setCode('');
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  };

  return (
    <Modal
      opened
      onClose={() => onDone(null)}
      title={t('stepUp.title')}
      centered
      size={460}
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit(code);
        }}
      >
        <Stack gap="md">
          <div className={classes.action} data-testid="step-up-action">
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <ThemeIcon variant="light" size={34} radius="md" aria-hidden="true">
                <IconShieldLock size={18} stroke={1.7} />
              </ThemeIcon>
              <Stack gap={2} miw={0}>
                <Text size="xs" c="dimmed" fw={500}>
                  {t('stepUp.youAreConfirming')}
                </Text>
                <Text fw={600} className={classes.summary}>
                  {description.summary}
                </Text>
              </Stack>
            </Group>
            {description.details.length > 0 && (
              <dl className={classes.details}>
                {description.details.map((detail) => (
                  <div key={detail.label} className={classes.detail}>
                    <dt>{detail.label}</dt>
                    <dd>{detail.value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </div>
          <Text size="sm" c="dimmed">
            {t('stepUp.explanation')}
          </Text>
          <CodeInput
            value={code}
            onChange={setCode}
            onComplete={(value) => void submit(value)}
            invalid={error !== null}
            disabled={busy}
            autoFocus
            size="md"
          />
          <FormError error={error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => onDone(null)} disabled={busy}>
              {t('dialog.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={code.length !== totpCodeLength}>
              {t('stepUp.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
