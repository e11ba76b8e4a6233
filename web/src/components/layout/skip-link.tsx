import type { MouseEvent } from 'react';
import { useT } from '@/lib/i18n';
import classes from './skip-link.module.css';

/**
 * The first focusable element on every page: jumps past the header and the
 * navbar to the page's content. Hidden until it receives focus.
 */
export function SkipLink({ targetId }: { targetId: string }) {
  const t = useT();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    const target = document.getElementById(targetId);
    if (target === null) return;
    // Focus the target instead of changing the URL's hash, which the router owns.
    event.preventDefault();
    target.focus();
    target.scrollIntoView?.({ block: 'start' });
  };
  return (
    <a className={classes.skipLink} href={`#${targetId}`} onClick={onClick}>
      {t('frame.skipToContent')}
    </a>
  );
}
