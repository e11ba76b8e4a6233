import { useEffect } from 'react';
import { useT } from '@/lib/i18n';

/** Sets `<title>` to "<page> · Kassa", so tabs, history and screen readers name the page. */
export function useDocumentTitle(page: string): void {
  const t = useT();
  useEffect(() => {
    document.title = t('app.documentTitle', { page });
  }, [page, t]);
}
