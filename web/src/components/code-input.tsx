import { Input, PinInput, Stack } from '@mantine/core';
import { useId } from 'react';
import { useT } from '@/lib/i18n';

/** TOTP codes are six digits (RFC 6238 as Kassa uses it). */
export const totpCodeLength = 6;

export interface CodeInputProps {
  value: string;
  onChange: (value: string) => void;
  /** Called once all six digits are in: typed, pasted or filled in by the phone. */
  onComplete?: (value: string) => void;
  label?: string;
  description?: string;
  /** Marks the cells invalid; say why in the form's alert. */
  invalid?: boolean;
  disabled?: boolean;
  autoFocus?: boolean;
  size?: 'md' | 'lg';
}

/**
 * Six single-digit cells for a code from the authenticator. Typing moves to
 * the next cell, Backspace back; pasting "123 456" or "123456" into any cell
 * fills them all; phones offer the code (autocomplete="one-time-code").
 */
export function CodeInput({
  value,
  onChange,
  onComplete,
  label,
  description,
  invalid = false,
  disabled = false,
  autoFocus = false,
  size = 'lg',
}: CodeInputProps) {
  const t = useT();
  const labelId = useId();
  const descriptionId = useId();
  return (
    <Stack gap={6}>
      <Input.Label id={labelId} component="div">
        {label ?? t('code.label')}
      </Input.Label>
      {description !== undefined && (
        <Input.Description id={descriptionId} mt={-4}>
          {description}
        </Input.Description>
      )}
      <div
        role="group"
        aria-labelledby={labelId}
        aria-describedby={description !== undefined ? descriptionId : undefined}
        // Codes are often copied as "492 039" or "492-039": keep the digits.
        onPasteCapture={(event) => {
          const digits = event.clipboardData.getData('text/plain').replace(/\D/g, '');
          if (digits.length !== totpCodeLength) return;
          event.preventDefault();
          event.stopPropagation();
          onChange(digits);
          onComplete?.(digits);
        }}
      >
        <PinInput
          length={totpCodeLength}
          type="number"
          inputMode="numeric"
          oneTimeCode
          autoFocus={autoFocus}
          value={value}
          onChange={(next) => onChange(next.replace(/\D/g, ''))}
          onComplete={onComplete}
          error={invalid}
          disabled={disabled}
          size={size}
          gap="xs"
          placeholder=""
          getInputProps={(index) => ({
            'aria-label': t('code.digit', { index: index + 1, count: totpCodeLength }),
            'aria-invalid': invalid || undefined,
          })}
        />
      </div>
    </Stack>
  );
}
