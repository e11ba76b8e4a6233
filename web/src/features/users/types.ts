import type { components } from '@/lib/api';

export type User = components['schemas']['User'];
export type UserStatus = components['schemas']['UserStatus'];
export type Grant = components['schemas']['Grant'];
export type GrantInput = components['schemas']['GrantInput'];
export type InviteUserRequest = components['schemas']['InviteUserRequest'];
export type InvitationCreated = components['schemas']['InvitationCreated'];
export type UpdateUserRequest = components['schemas']['UpdateUserRequest'];

/** What the users screens need to know about roles and projects (loaded by the route). */
export interface RoleOption {
  id: string;
  name: string;
  description: string;
  builtin: boolean;
}

export interface ProjectOption {
  id: string;
  name: string;
}
