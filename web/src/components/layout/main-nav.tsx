import { NavLink, Stack, Text } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useId } from 'react';
import { Link, matchPath, useLocation } from 'react-router';
import { useProjectScope } from '@/hooks/use-project-scope';
import classes from './app-frame.module.css';

export interface NavItem {
  id: string;
  path: string;
  label: string;
  icon: Icon;
}

export interface NavGroup {
  id: string;
  /** Null for the first, unlabelled group. */
  label: string | null;
  items: readonly NavItem[];
}

/** The root ('/') is active only on itself; other areas also on their sub-pages. */
export function isNavItemActive(path: string, pathname: string): boolean {
  return matchPath({ path, end: path === '/' }, pathname) !== null;
}

function NavGroupList({ group, onNavigate }: { group: NavGroup; onNavigate?: () => void }) {
  const labelId = useId();
  const { pathname } = useLocation();
  const { withProject } = useProjectScope();
  return (
    <div className={classes.navGroup}>
      {group.label !== null && (
        <Text id={labelId} component="div" className={classes.navGroupLabel}>
          {group.label}
        </Text>
      )}
      <ul className={classes.navList} aria-labelledby={group.label !== null ? labelId : undefined}>
        {group.items.map((item) => {
          const active = isNavItemActive(item.path, pathname);
          const ItemIcon = item.icon;
          return (
            <li key={item.id}>
              <NavLink
                component={Link}
                to={withProject(item.path)}
                label={item.label}
                leftSection={<ItemIcon size={18} stroke={1.7} aria-hidden="true" />}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={onNavigate}
                className={classes.navLink}
                data-nav-id={item.id}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The areas of the Dashboard, grouped; the current one is marked with aria-current="page". */
export function MainNav({ groups, onNavigate }: { groups: readonly NavGroup[]; onNavigate?: () => void }) {
  return (
    <Stack gap="lg">
      {groups.map((group) => (
        <NavGroupList key={group.id} group={group} onNavigate={onNavigate} />
      ))}
    </Stack>
  );
}
