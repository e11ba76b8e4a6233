import type { components } from '@/lib/api';

export type Role = components['schemas']['Role'];
export type Permission = components['schemas']['Permission'];
export type CreateRoleRequest = components['schemas']['CreateRoleRequest'];
export type UpdateRoleRequest = components['schemas']['UpdateRoleRequest'];
