import { Grid, Stack } from '@mantine/core';
import { Page } from '@/components/page';
import { ChangePasswordCard } from '@/features/auth/components/profile/change-password-card';
import { AccountCard, AuthenticatorCard, SignOutCard } from '@/features/auth/components/profile/profile-cards';
import { useMe, useSignOut } from '@/lib/auth';
import { useT } from '@/lib/i18n';

/** `/settings/profile`: who you are, your password, your authenticator, signing out. */
export function ProfileRoute() {
  const t = useT();
  const me = useMe();
  const signOut = useSignOut();
  // The auth gate renders pages only once /me has loaded.
  if (me.data === undefined) return null;
  return (
    <Page title={t('profile.title')} description={t('profile.description')}>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <AccountCard me={me.data} />
            <SignOutCard onSignOut={() => void signOut()} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <AuthenticatorCard me={me.data} onReplaced={() => void me.refetch()} />
            <ChangePasswordCard />
          </Stack>
        </Grid.Col>
      </Grid>
    </Page>
  );
}
