import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLogout, IconUserShield } from '@tabler/icons-react';
import { Link, type To } from 'react-router';
import { useT } from '@/lib/i18n';
import classes from './app-frame.module.css';

export interface UserMenuProps {
  name: string;
  email: string;
  initials: string;
  profilePath: To;
  onSignOut: () => void;
}

/** The signed-in person at the right of the header: profile and sign-out. */
export function UserMenu({ name, email, initials, profilePath, onSignOut }: UserMenuProps) {
  const t = useT();
  return (
    <Menu position="bottom-end" width={240} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.userButton} aria-label={t('user.menu', { name })} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="kassa" variant="light" aria-hidden="true">
              {initials}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" className={classes.userName}>
              {name}
            </Text>
            <IconChevronDown size={14} aria-hidden="true" className={classes.userChevron} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="var(--mantine-color-text)" truncate>
            {name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to={profilePath} leftSection={<IconUserShield size={16} aria-hidden="true" />}>
          {t('user.profile')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} aria-hidden="true" />} onClick={onSignOut}>
          {t('user.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
