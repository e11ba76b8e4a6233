import { Alert, List } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { isApiProblem, isQuietError, problemMessage } from '@/lib/api';
import { useT } from '@/lib/i18n';

export interface FormErrorProps {
  error: unknown;
  /** Field errors shown next to their inputs; the rest are listed here. */
  fieldsShownInline?: readonly string[];
  title?: string;
}

/**
 * Why a form could not be saved, from the API's problem (its `detail`, and
 * field errors that no input shows). Nothing when there is no error, or when
 * the person cancelled a confirmation.
 */
export function FormError({ error, fieldsShownInline = [], title }: FormErrorProps) {
  const t = useT();
  if (error === null || error === undefined || isQuietError(error)) return null;
  const otherFieldErrors = isApiProblem(error)
    ? error.errors.filter((fieldError) => !fieldsShownInline.includes(fieldError.field))
    : [];
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} aria-hidden="true" />}
      title={title}
      role="alert"
    >
      {problemMessage(error, t)}
      {otherFieldErrors.length > 0 && (
        <List size="sm" mt={6}>
          {otherFieldErrors.map((fieldError) => (
            <List.Item key={`${fieldError.field}:${fieldError.message}`}>{fieldError.message}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** The server's message for one field (`/password`), if the error has one. */
export function fieldError(error: unknown, field: string): string | undefined {
  return isApiProblem(error) ? error.fieldError(field) : undefined;
}
