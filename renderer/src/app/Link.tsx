import type { MouseEvent, ReactNode } from 'react';
import { navigate, usePathname } from './navigation.ts';

function isPlainLeftClick(e: MouseEvent): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}

/** An anchor that navigates in-app on a plain click and behaves as a normal link otherwise (new tab, copy). */
export function Link({
  to,
  children,
  className,
  testId,
  onNavigate,
}: {
  to: string;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** Replaces in-app navigation on a plain click (e.g. open another window instead). */
  onNavigate?: () => void;
}) {
  const current = usePathname() === to;
  return (
    <a
      href={to}
      className={className}
      data-testid={testId}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.defaultPrevented || !isPlainLeftClick(e)) return;
        e.preventDefault();
        if (onNavigate !== undefined) onNavigate();
        else if (!current) navigate(to);
      }}
    >
      {children}
    </a>
  );
}
