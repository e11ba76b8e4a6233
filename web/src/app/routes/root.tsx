import { Outlet } from 'react-router';
import { AppFrame } from '@/components/layout/app-frame';
import type { NavGroup } from '@/components/layout/main-nav';
import { ProjectSwitcher } from '@/features/projects/components/project-switcher';
import { useT } from '@/lib/i18n';
import { areaGroups, areas } from '../areas';

/** The layout route: every page renders inside the application frame. */
export function RootRoute() {
  const t = useT();
  const navGroups: NavGroup[] = areaGroups.map((group) => ({
    id: group.id,
    label: group.labelKey === null ? null : t(group.labelKey),
    items: areas
      .filter((area) => area.group === group.id)
      .map((area) => ({ id: area.id, path: area.path, label: t(area.titleKey), icon: area.icon })),
  }));
  return (
    <AppFrame navGroups={navGroups} headerSection={<ProjectSwitcher />}>
      <Outlet />
    </AppFrame>
  );
}
