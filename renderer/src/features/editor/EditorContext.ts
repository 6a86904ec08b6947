import { createContext, useContext } from 'react';
import type { BannedWordMatcher } from '../../../../shared/show/compliance.ts';
import type { Show } from '../../../../shared/show/schema.ts';
import type { FieldErrors } from './fieldErrors.ts';

export interface EditorContextValue {
  /** The working copy (may not pass the schema yet). */
  show: Show;
  errors: FieldErrors;
  matcher: BannedWordMatcher;
  change: (update: (show: Show) => Show, key?: string | null) => void;
  /** The segment on air while the show runs (it cannot be deleted then). */
  onAirSegmentId: string | null;
  /** The show is running or held: whole-script replacements (templates, imports) wait. */
  onAir: boolean;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditorContext(): EditorContextValue {
  const value = useContext(EditorContext);
  if (value === null) throw new Error('useEditorContext outside the show editor');
  return value;
}
