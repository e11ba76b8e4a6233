import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, dataOf, stepUpHeaders, useStepUp } from '@/lib/api';
import type { ApiKey, ApiKeyWithSecret, CreateApiKeyRequest } from '../types';
import { apiKeysQueryKey } from './get-api-keys';

/** POST /api/v1/api-keys: answers the secret, once. */
export async function createApiKey(body: CreateApiKeyRequest, confirmation?: string): Promise<ApiKeyWithSecret> {
  return dataOf(await api.POST('/api/v1/api-keys', { body, params: { header: stepUpHeaders(confirmation) } }));
}

/** POST /api/v1/api-keys/{id}/roll: a new secret, once; the old one stops working. */
export async function rollApiKey(id: string, confirmation?: string): Promise<ApiKeyWithSecret> {
  return dataOf(
    await api.POST('/api/v1/api-keys/{api_key_id}/roll', {
      params: { path: { api_key_id: id }, header: stepUpHeaders(confirmation) },
    }),
  );
}

/** POST /api/v1/api-keys/{id}/revoke. */
export async function revokeApiKey(id: string, confirmation?: string): Promise<ApiKey> {
  const body = dataOf(
    await api.POST('/api/v1/api-keys/{api_key_id}/revoke', {
      params: { path: { api_key_id: id }, header: stepUpHeaders(confirmation) },
    }),
  );
  return body.api_key;
}

function useInvalidateKeys() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey });
}

export function useCreateApiKey() {
  const withStepUp = useStepUp();
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: (body: CreateApiKeyRequest) => withStepUp((confirmation) => createApiKey(body, confirmation)),
    onSuccess: invalidate,
  });
}

export function useRollApiKey() {
  const withStepUp = useStepUp();
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: (key: ApiKey) => withStepUp((confirmation) => rollApiKey(key.id, confirmation)),
    onSuccess: invalidate,
  });
}

export function useRevokeApiKey() {
  const withStepUp = useStepUp();
  const invalidate = useInvalidateKeys();
  return useMutation({
    mutationFn: (key: ApiKey) => withStepUp((confirmation) => revokeApiKey(key.id, confirmation)),
    onSuccess: invalidate,
  });
}
