import { useId, useState } from 'react';
import { insertSegments } from '../../../../shared/show/editor.ts';
import { productBlock, TEMPLATE_TITLES } from '../../../../shared/show/templates.ts';
import { useT } from '../../i18n/useT.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useReportedCommand } from '../commands/useReportedCommand.ts';
import { useEditorContext } from './EditorContext.ts';
import { newId } from './editorInput.ts';

/** Starting points: the four-module show (replaces the script; undo brings it back) and a 3+5+2 product block. */
export function Templates({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string) => void }) {
  const t = useT();
  const id = useId();
  const language = useLanguage((s) => s.language);
  const { show, change, onAir } = useEditorContext();
  const { pending, run } = useReportedCommand();
  const [chosen, setChosen] = useState<string>('');
  const product = show.products.find((p) => p.id === chosen) ?? show.products[0];

  const addBlock = () => {
    if (product === undefined) return;
    const block = productBlock(product, { newId, titles: TEMPLATE_TITLES[language] });
    change((s) => {
      const at = s.segments.findIndex((seg) => seg.id === selectedId);
      return insertSegments(s, block, at < 0 ? s.segments.length : at + 1);
    });
    const first = block[0];
    if (first !== undefined) onSelect(first.id);
  };

  return (
    <div className="templates">
      <div className="templates__item">
        <button
          type="button"
          className="button"
          data-testid="template-four-module"
          disabled={pending || onAir}
          title={onAir ? t('editor.onAirLocked') : undefined}
          onClick={() => void run({ type: 'show.fromTemplate', template: 'four-module', language }, 'editor.templates.fourModuleFailed')}
        >
          {t('editor.templates.fourModule')}
        </button>
        <p className="field-hint">{t('editor.templates.fourModuleHint')}</p>
      </div>
      <div className="templates__item">
        <div className="templates__block">
          <label className="visually-hidden" htmlFor={`${id}-product`}>
            {t('editor.templates.product')}
          </label>
          <select
            id={`${id}-product`}
            data-testid="template-product-select"
            value={product?.id ?? ''}
            disabled={show.products.length === 0}
            onChange={(e) => setChosen(e.target.value)}
          >
            {show.products.length === 0 && <option value="">{t('editor.templates.noProducts')}</option>}
            {show.products.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.sku})
              </option>
            ))}
          </select>
          <button type="button" className="button" data-testid="template-product-block" disabled={product === undefined} onClick={addBlock}>
            {t('editor.templates.productBlock')}
          </button>
        </div>
        <p className="field-hint">{t('editor.templates.productBlockHint')}</p>
      </div>
    </div>
  );
}
