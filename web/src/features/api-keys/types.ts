import type { components } from '@/lib/api';

export type ApiKey = components['schemas']['ApiKey'];
export type ApiKeyWithSecret = components['schemas']['ApiKeyWithSecret'];
export type CreateApiKeyRequest = components['schemas']['CreateApiKeyRequest'];
export type Permission = components['schemas']['Permission'];

export interface ProjectOption {
  id: string;
  name: string;
  status: 'active' | 'archived';
}
