import { QueryClient } from '@tanstack/react-query';
import { clientProblemTypes, isApiProblem } from './api';

/** A failed query is retried at most this often, and only when retrying can help. */
export const queryRetriesMax = 2;
export const queryStaleTimeMs = 30_000;

/** 4xx answers (bad input, not signed in, not allowed, missing) will not change on retry. */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= queryRetriesMax) return false;
  if (isApiProblem(error) && error.status >= 400 && error.status < 500) return false;
  if (isApiProblem(error) && error.type === clientProblemTypes.unexpectedResponse) return false;
  return true;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetryQuery, staleTime: queryStaleTimeMs },
      mutations: { retry: false },
    },
  });
}
