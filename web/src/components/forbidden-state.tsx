import { IconLock } from '@tabler/icons-react';
import { EmptyState } from '@/components/empty-state';
import { useT } from '@/lib/i18n';

/** A page the signed-in user may not see (reached by a link or bookmark; the navbar hides it). */
export function ForbiddenState() {
  const t = useT();
  return <EmptyState icon={IconLock} title={t('forbidden.title')} description={t('forbidden.description')} />;
}
