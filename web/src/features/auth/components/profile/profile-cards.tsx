import { Avatar, Badge, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDeviceMobile, IconLogout } from '@tabler/icons-react';
import { useId, useState } from 'react';
import type { Me } from '@/lib/auth';
import { initialsOf } from '@/lib/initials';
import { roleLabel } from '@/lib/role-label';
import { formatDateTime } from '@/lib/format';
import { useI18n, useT } from '@/lib/i18n';
import { ReplaceAuthenticatorDialog } from './replace-authenticator-dialog';

export function AccountCard({ me }: { me: Me }) {
  const { t, formatLocale, timeZone } = useI18n();
  const titleId = useId();
  return (
    <Card component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Title order={2} id={titleId}>
          {t('profile.account.title')}
        </Title>
        <Group gap="md" wrap="nowrap">
          <Avatar size={52} radius="xl" color="kassa" variant="light" aria-hidden="true">
            {initialsOf(me.user.name, me.user.email)}
          </Avatar>
          <Stack gap={2} miw={0}>
            <Text fw={600} data-testid="profile-name">
              {me.user.name}
            </Text>
            <Text size="sm" c="dimmed" data-testid="profile-email">
              {me.user.email}
            </Text>
          </Stack>
        </Group>
        <dl className="kassa-facts">
          <div>
            <dt>{t('profile.account.company')}</dt>
            <dd>{me.company.name}</dd>
          </div>
          <div>
            <dt>{t('profile.account.roles')}</dt>
            <dd>
              <Group gap={6}>
                {me.user.grants.length === 0 && t('profile.account.noRoles')}
                {me.user.grants.map((grant) => (
                  <Badge key={`${grant.role_id}:${(grant.project_ids ?? []).join(',')}`} variant="light" color="gray">
                    {roleLabel(grant.role_name, t)}
                  </Badge>
                ))}
              </Group>
            </dd>
          </div>
          {Number.isFinite(Date.parse(me.session.expires_at)) && (
            <div>
              <dt>{t('profile.account.sessionEnds')}</dt>
              <dd>{formatDateTime(me.session.expires_at, formatLocale, timeZone)}</dd>
            </div>
          )}
        </dl>
        <Text size="xs" c="dimmed">
          {t('profile.account.changeHint')}
        </Text>
      </Stack>
    </Card>
  );
}

export function AuthenticatorCard({ me, onReplaced }: { me: Me; onReplaced: () => void }) {
  const t = useT();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  return (
    <Card component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <div>
          <Title order={2} id={titleId}>
            {t('profile.authenticator.title')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('profile.authenticator.description')}
          </Text>
        </div>
        <Group justify="space-between" wrap="wrap" gap="md">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon variant="light" size={36} radius="md" aria-hidden="true">
              <IconDeviceMobile size={18} stroke={1.7} />
            </ThemeIcon>
            <div>
              <Text size="sm" fw={600}>
                {t('profile.authenticator.app')}
              </Text>
              <Badge size="sm" color={me.user.totp_enrolled ? 'teal' : 'gray'} variant="light">
                {me.user.totp_enrolled ? t('profile.authenticator.enabled') : t('profile.authenticator.notEnrolled')}
              </Badge>
            </div>
          </Group>
          <Button variant="default" onClick={() => setOpen(true)}>
            {t('profile.authenticator.replace')}
          </Button>
        </Group>
      </Stack>
      <ReplaceAuthenticatorDialog opened={open} onClose={() => setOpen(false)} onReplaced={onReplaced} />
    </Card>
  );
}

export function SignOutCard({ onSignOut }: { onSignOut: () => void }) {
  const t = useT();
  const titleId = useId();
  return (
    <Card component="section" aria-labelledby={titleId}>
      <Group justify="space-between" wrap="wrap" gap="md">
        <div>
          <Title order={2} id={titleId}>
            {t('profile.signOut.title')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('profile.signOut.description')}
          </Text>
        </div>
        <Button variant="default" leftSection={<IconLogout size={16} aria-hidden="true" />} onClick={onSignOut}>
          {t('user.signOut')}
        </Button>
      </Group>
    </Card>
  );
}
