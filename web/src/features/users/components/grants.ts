import type { Translate } from '@/lib/i18n';
import { roleLabel } from '@/lib/role-label';
import type { GrantInput, ProjectOption, RoleOption } from '../types';

/** One row of the grants editor. */
export interface GrantDraft {
  /** Stable React key for the row. */
  key: number;
  roleId: string | null;
  allProjects: boolean;
  projectIds: string[];
}

let nextDraftKey = 1;

export function emptyGrantDraft(): GrantDraft {
  nextDraftKey += 1;
  return { key: nextDraftKey, roleId: null, allProjects: true, projectIds: [] };
}

export function draftsFromGrants(grants: readonly GrantInput[]): GrantDraft[] {
  return grants.map((grant) => {
    nextDraftKey += 1;
    return {
      key: nextDraftKey,
      roleId: grant.role_id,
      allProjects: grant.project_ids === null,
      projectIds: grant.project_ids ?? [],
    };
  });
}

/** A row is complete when it names a role and, unless for all projects, at least one project. */
export function isCompleteDraft(draft: GrantDraft): boolean {
  return draft.roleId !== null && (draft.allProjects || draft.projectIds.length > 0);
}

export function grantsFromDrafts(drafts: readonly GrantDraft[]): GrantInput[] {
  return drafts.filter(isCompleteDraft).map((draft) => ({
    role_id: draft.roleId ?? '',
    project_ids: draft.allProjects ? null : [...draft.projectIds],
  }));
}

export interface GrantNames {
  roles: readonly RoleOption[];
  projects: readonly ProjectOption[];
}

/** "Finance · all projects", "Support · Web shop, Mobile app". */
export function describeGrant(
  grant: { role_id: string; role_name?: string; project_ids: readonly string[] | null },
  names: GrantNames,
  t: Translate,
): string {
  const roleName = grant.role_name ?? names.roles.find((role) => role.id === grant.role_id)?.name ?? grant.role_id;
  const scope =
    grant.project_ids === null
      ? t('grants.allProjects')
      : grant.project_ids.map((id) => names.projects.find((project) => project.id === id)?.name ?? id).join(', ');
  return t('grants.describe', { role: roleLabel(roleName, t), scope });
}

/** A list of grants (as sent or as the server has them) for the conflict dialog. */
export function describeGrants(value: unknown, names: GrantNames, t: Translate): string {
  if (!Array.isArray(value) || value.length === 0) return t('grants.none');
  return value
    .filter((grant): grant is GrantInput => typeof grant === 'object' && grant !== null && 'role_id' in grant)
    .map((grant) => describeGrant(grant, names, t))
    .join('; ');
}
