import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useT } from '@/lib/i18n';
import { useSessionDeadline } from '../hooks/use-session-deadline';
import type { SessionLimits } from '../session-deadline';

export interface IdleWarningProps {
  limits: SessionLimits;
  /** Any request keeps the session; this one is GET /me. */
  onStaySignedIn: () => Promise<unknown>;
  onSignOut: () => void;
  /** The session has ended (the server has ended it too). */
  onEnded: (reason: 'idle' | 'absolute') => void;
}

/**
 * One minute (`warn_before_seconds`) before the session would end, a dialog
 * with a countdown and "Stay signed in"; at zero, the sign-in page.
 */
export function IdleWarning({ limits, onStaySignedIn, onSignOut, onEnded }: IdleWarningProps) {
  const t = useT();
  const [mountedAtMs] = useState(() => Date.now());
  const session = useSessionDeadline(limits, mountedAtMs);
  const [staying, setStaying] = useState(false);
  // Nothing postpones an absolute end: the person may close the warning and finish up.
  const [absoluteDismissed, setAbsoluteDismissed] = useState(false);
  const ended = useRef(false);

  useEffect(() => {
    if (session.phase !== 'ended' || ended.current) return;
    ended.current = true;
    onEnded(session.deadline.kind);
  }, [session.phase, session.deadline.kind, onEnded]);

  if (session.phase !== 'warning') return null;
  const absolute = session.deadline.kind === 'absolute';
  if (absolute && absoluteDismissed) return null;

  const stay = async () => {
    setStaying(true);
    try {
      await onStaySignedIn();
    } finally {
      setStaying(false);
    }
  };

  return (
    <Modal
      opened
      onClose={absolute ? () => setAbsoluteDismissed(true) : () => void stay()}
      title={absolute ? t('idle.absoluteTitle') : t('idle.title')}
      centered
      size={420}
      closeOnClickOutside={false}
      withCloseButton={false}
    >
      <Stack gap="md">
        <Text size="sm" data-testid="idle-countdown">
          {absolute
            ? t('idle.absoluteCountdown', { seconds: session.secondsLeft })
            : t('idle.countdown', { seconds: session.secondsLeft })}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onSignOut}>
            {t('idle.signOut')}
          </Button>
          {absolute ? (
            <Button onClick={() => setAbsoluteDismissed(true)} data-autofocus>
              {t('idle.continue')}
            </Button>
          ) : (
            <Button onClick={() => void stay()} loading={staying} data-autofocus>
              {t('idle.stay')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
