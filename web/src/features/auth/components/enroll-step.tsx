import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import { CodeInput, totpCodeLength } from '@/components/code-input';
import { CopyValue } from '@/components/copy-value';
import { FormError } from '@/components/form-error';
import { isApiProblem, problemSlugs } from '@/lib/api';
import { useT } from '@/lib/i18n';
import { enrollTotp } from '../api/enroll-totp';
import type { Enrolled, TotpEnrollment } from '../types';
import classes from './enroll-step.module.css';

/**
 * The QR code as an image. The SVG comes from the server; as an <img> it
 * cannot run script or touch the page, unlike markup put into the DOM.
 */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

export interface EnrollStepProps {
  enrollment: TotpEnrollment;
  onEnrolled: (answer: Enrolled) => void;
  onChallengeExpired: () => void;
  /** False inside a dialog that has its own title. */
  withTitle?: boolean;
  onCancel?: () => void;
}

/** A new authenticator: scan the QR code (or type the key), then prove it with the first code. */
export function EnrollStep({ enrollment, onEnrolled, onChallengeExpired, withTitle = true, onCancel }: EnrollStepProps) {
  const t = useT();
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);
  const qrSource = useMemo(() => svgDataUrl(enrollment.qr_svg), [enrollment.qr_svg]);

  const submit = async (value: string) => {
    if (value.length !== totpCodeLength || submitting.current) return;
    submitting.current = true;
    setBusy(true);
    setError(null);
    try {
      onEnrolled(await enrollTotp(enrollment.challenge, value));
    } catch (failure) {
      if (isApiProblem(failure) && failure.is(problemSlugs.challengeExpired)) {
        onChallengeExpired();
        return;
      }
      setError(failure);
      setCode('');
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit(code);
      }}
    >
      <Stack gap="lg">
        {withTitle && (
          <Stack gap={6}>
            <Title order={1} fz={22}>
              {t('enroll.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('enroll.subtitle')}
            </Text>
          </Stack>
        )}
        <ol className={classes.steps}>
          <li className={classes.step}>
            <span className={classes.stepNumber} aria-hidden="true">
              1
            </span>
            <Stack gap="sm" miw={0} style={{ flex: 1 }}>
              <Text size="sm" fw={600}>
                {t('enroll.scan')}
              </Text>
              <Group align="flex-start" gap="md" wrap="wrap">
                <div className={classes.qr}>
                  <img src={qrSource} alt={t('enroll.qrAlt')} width={168} height={168} data-testid="totp-qr" />
                </div>
                <Stack gap={6} miw={0} style={{ flex: '1 1 180px' }}>
                  <Text size="sm" c="dimmed">
                    {t('enroll.manual')}
                  </Text>
                  <div data-testid="totp-secret" data-secret={enrollment.secret}>
                    <CopyValue value={enrollment.secret} display={groupSecret(enrollment.secret)} label={t('enroll.copySecret')} size="sm" />
                  </div>
                </Stack>
              </Group>
            </Stack>
          </li>
          <li className={classes.step}>
            <span className={classes.stepNumber} aria-hidden="true">
              2
            </span>
            <Stack gap="sm" miw={0} style={{ flex: 1 }}>
              <CodeInput
                label={t('enroll.enterCode')}
                value={code}
                onChange={setCode}
                onComplete={(value) => void submit(value)}
                invalid={error !== null}
                disabled={busy}
                size="md"
              />
            </Stack>
          </li>
        </ol>
        <FormError error={error} />
        <Group justify={onCancel !== undefined ? 'flex-end' : undefined} gap="sm">
          {onCancel !== undefined && (
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t('dialog.cancel')}
            </Button>
          )}
          <Button type="submit" size={withTitle ? 'md' : 'sm'} fullWidth={onCancel === undefined} loading={busy} disabled={code.length !== totpCodeLength}>
            {t('enroll.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
