import { List } from '@mantine/core';
import { ErrorState } from '@/components/error-state';
import { isApiProblem } from '@/lib/api';
import { useT } from '@/lib/i18n';

/** A failed figure: the problem's detail, each rejected parameter of a 400 `bad-query`, and a retry. */
export function FiguresError({ error, onRetry, retrying = false }: { error: unknown; onRetry?: () => void; retrying?: boolean }) {
  const t = useT();
  const fieldErrors = isApiProblem(error) ? error.errors : [];
  return (
    <ErrorState error={error} title={t('analytics.errorTitle')} onRetry={onRetry} retrying={retrying}>
      {fieldErrors.length > 0 && (
        <List size="sm" spacing={2} data-testid="figures-error-fields">
          {fieldErrors.map((fieldError) => (
            <List.Item key={`${fieldError.field}:${fieldError.message}`}>
              <code>{fieldError.field}</code>: {fieldError.message}
            </List.Item>
          ))}
        </List>
      )}
    </ErrorState>
  );
}
