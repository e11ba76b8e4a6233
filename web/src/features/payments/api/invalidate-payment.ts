import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * After a payment changed: the payment and operation lists, the balances and
 * every other cached answer that mentions it (its webhook deliveries) are
 * fetched again. The
 * payment itself is set from the change's answer, not refetched.
 */
export function useInvalidatePayment() {
  const queryClient = useQueryClient();
  return useCallback(
    (paymentId: string) =>
      queryClient.invalidateQueries({
        predicate: (query) => {
          const [first, second] = query.queryKey;
          if (first === 'payments' && second === 'detail') return false;
          if (first === 'payments' || first === 'operations' || first === 'balances') return true;
          return JSON.stringify(query.queryKey).includes(paymentId);
        },
      }),
    [queryClient],
  );
}
