import { useT } from '../../i18n/useT.ts';
import { useEngineState } from '../../stores/engineState.ts';

/** The show's title as text; before the first snapshot there is nothing to show yet. */
export function useShowTitle(): string {
  const t = useT();
  const title = useEngineState((s) => s.state?.show.title);
  if (title === undefined) return '';
  return title.trim() === '' ? t('show.untitled') : title;
}
