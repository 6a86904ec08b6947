import { useEffect } from 'react';
import { navigate } from './navigation.ts';

/** Replaces the current entry, so Back does not bounce into the redirect again. */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
