import { AppShell, Burger, Divider, Group, ScrollArea } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useProjectScope } from '@/hooks/use-project-scope';
import { useT } from '@/lib/i18n';
import classes from './app-frame.module.css';
import { BrandLink } from './brand';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { MainNav, type NavGroup } from './main-nav';
import { SkipLink } from './skip-link';

export const mainContentId = 'main-content';
const navbarId = 'kassa-navbar';

export interface AppFrameProps {
  navGroups: readonly NavGroup[];
  /** Shown in the header after the product name: the project switcher. */
  headerSection?: ReactNode;
  /** Shown at the right end of the header: the user menu. */
  headerEnd?: ReactNode;
  children: ReactNode;
}

/** The frame around every page: header, navbar, and the main content region. */
export function AppFrame({ navGroups, headerSection, headerEnd, children }: AppFrameProps) {
  const t = useT();
  const { withProject } = useProjectScope();
  const [navbarOpened, navbar] = useDisclosure(false);
  // On small screens the closed navbar is off-canvas: take it out of the tab order too.
  const isMobile = useMediaQuery('(max-width: 47.99em)') ?? false;
  const navbarHidden = isMobile && !navbarOpened;

  return (
    <>
      <SkipLink targetId={mainContentId} />
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
        padding={0}
        classNames={{ header: classes.header, navbar: classes.navbar, main: classes.main }}
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="md">
            <Group gap="md" wrap="nowrap" miw={0} style={{ flex: 1 }}>
              <Burger
                opened={navbarOpened}
                onClick={navbar.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navbarOpened ? t('frame.closeNavigation') : t('frame.openNavigation')}
                aria-expanded={navbarOpened}
                aria-controls={navbarId}
              />
              <BrandLink to={withProject('/')} />
              {headerSection !== undefined && (
                <>
                  <Divider orientation="vertical" h={24} style={{ alignSelf: 'center' }} visibleFrom="xs" />
                  <div className={classes.headerSection}>{headerSection}</div>
                </>
              )}
            </Group>
            <Group gap="sm" wrap="nowrap" className={classes.headerEnd}>
              <ColorSchemeToggle />
              {headerEnd}
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar id={navbarId} aria-label={t('frame.mainNavigation')} inert={navbarHidden}>
          <AppShell.Section grow component={ScrollArea} px="sm" py="md" scrollbarSize={6}>
            <MainNav groups={navGroups} onNavigate={navbar.close} />
          </AppShell.Section>
        </AppShell.Navbar>

        <AppShell.Main id={mainContentId} tabIndex={-1}>
          <div className={classes.content}>{children}</div>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
