import { EmptyState } from '@/components/empty-state';
import { Page } from '@/components/page';
import { useT } from '@/lib/i18n';
import type { Area } from '../areas';

/**
 * An area whose screens have not been built yet: its title and a designed
 * empty state saying what it will do. Each area's issue replaces this route.
 */
export function AreaRoute({ area }: { area: Area }) {
  const t = useT();
  return (
    <Page title={t(area.titleKey)}>
      <EmptyState
        icon={area.icon}
        tag={t('page.comingSoon')}
        title={t(area.emptyTitleKey)}
        description={t(area.emptyDescriptionKey)}
      />
    </Page>
  );
}
