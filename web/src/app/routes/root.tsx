import { Outlet } from 'react-router';
import { AppFrame } from '@/components/layout/app-frame';
import type { NavGroup } from '@/components/layout/main-nav';
import { UserMenu } from '@/components/layout/user-menu';
import { ProjectSwitcher } from '@/features/projects/components/project-switcher';
import { useMe, useSignOut } from '@/lib/auth';
import { useProjectScope } from '@/hooks/use-project-scope';
import { useT } from '@/lib/i18n';
import { initialsOf } from '@/lib/initials';
import { areaGroups, visibleAreas } from '../areas';

/**
 * The layout route of the signed-in app: every page renders inside the
 * frame, whose navbar lists only the areas the user may open.
 */
export function RootRoute() {
  const t = useT();
  const me = useMe();
  const signOut = useSignOut();
  const { withProject } = useProjectScope();
  const permissions = me.data?.permissions ?? { company: [], projects: {} };
  const shown = visibleAreas(permissions);
  const navGroups: NavGroup[] = areaGroups
    .map((group) => ({
      id: group.id,
      label: group.labelKey === null ? null : t(group.labelKey),
      items: shown
        .filter((area) => area.group === group.id)
        .map((area) => ({ id: area.id, path: area.path, label: t(area.titleKey), icon: area.icon })),
    }))
    .filter((group) => group.items.length > 0);
  const user = me.data?.user;
  return (
    <AppFrame
      navGroups={navGroups}
      headerSection={<ProjectSwitcher />}
      headerEnd={
        user !== undefined && (
          <UserMenu
            name={user.name}
            email={user.email}
            initials={initialsOf(user.name, user.email)}
            profilePath={withProject('/settings/profile')}
            onSignOut={() => void signOut()}
          />
        )
      }
    >
      <Outlet />
    </AppFrame>
  );
}
