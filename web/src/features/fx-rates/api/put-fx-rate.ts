import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf } from '@/lib/api';
import type { FxRate } from '../types';
import { fxRatesQueryKey } from './get-fx-rates';

export interface PutFxRateInput {
  day: string;
  currency: string;
  rate: string;
  idempotencyKey: string;
}

/** PUT /api/v1/fx-rates/{day}/{currency}: sets (or replaces) one day's rate. */
export async function putFxRate({ day, currency, rate, idempotencyKey }: PutFxRateInput): Promise<FxRate> {
  return dataOf(
    await api.PUT('/api/v1/fx-rates/{day}/{currency}', {
      params: { path: { day, currency }, header: { 'Idempotency-Key': idempotencyKey } },
      body: { rate },
    }),
  );
}

export function usePutFxRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putFxRate,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: fxRatesQueryKey }),
  });
}
