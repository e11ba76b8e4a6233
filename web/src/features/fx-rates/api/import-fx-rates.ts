import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import { fxRatesQueryKey } from './get-fx-rates';

/**
 * POST /api/v1/fx-rates/import: a whole CSV file (`day,currency,rate`), all
 * or nothing; a bad file is a 400 `bad-csv` naming each bad line.
 */
export async function importFxRates({ csv, idempotencyKey }: { csv: string; idempotencyKey: string }): Promise<{ imported: number }> {
  return dataOf(
    await api.POST('/api/v1/fx-rates/import', {
      params: { header: { 'Idempotency-Key': idempotencyKey } },
      body: csv,
      // The body goes as it is: not JSON-encoded.
      bodySerializer: (body: string) => body,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );
}

export function useImportFxRates() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importFxRates,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fxRatesQueryKey }),
  });
}
