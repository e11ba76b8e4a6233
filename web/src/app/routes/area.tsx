import type { ReactNode } from 'react';
import { EmptyState } from '@/components/empty-state';
import { ForbiddenState } from '@/components/forbidden-state';
import { Page } from '@/components/page';
import { useAuthorization } from '@/lib/auth';
import { useT } from '@/lib/i18n';
import type { Area } from '../areas';

/**
 * The area's page if the user may open it; otherwise a plain "no access"
 * (the navbar hides such areas, but a link or bookmark can still lead here).
 */
export function AreaGate({ area, children }: { area: Area; children: ReactNode }) {
  const t = useT();
  const { canAny } = useAuthorization();
  if (!canAny(area.requires)) {
    return (
      <Page title={t(area.titleKey)}>
        <ForbiddenState />
      </Page>
    );
  }
  return children;
}

/**
 * An area whose screens have not been built yet: its title and a designed
 * empty state saying what it will do. Each area's issue replaces this route.
 */
export function AreaRoute({ area }: { area: Area }) {
  const t = useT();
  return (
    <AreaGate area={area}>
      <Page title={t(area.titleKey)}>
        <EmptyState
          icon={area.icon}
          tag={t('page.comingSoon')}
          title={t(area.emptyTitleKey)}
          description={t(area.emptyDescriptionKey)}
        />
      </Page>
    </AreaGate>
  );
}
