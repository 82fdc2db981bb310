import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';
import type { Route } from '../store/navigation-slice';

/**
 * Escape goes back to where the person came from, as on the lead detail. Not while typing in
 * a field: there Escape belongs to the field (closing a picker, leaving a half-typed reason).
 */
export function useEscapeBack(fallback: Route): void {
  const goBack = useAppStore((state) => state.goBack);
  const fallbackKey = JSON.stringify(fallback);
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target;
      if (target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      goBack(JSON.parse(fallbackKey) as Route);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [goBack, fallbackKey]);
}
