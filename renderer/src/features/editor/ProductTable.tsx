import { useId } from 'react';
import { addProduct, deleteProduct, updateProduct, type ProductPatch } from '../../../../shared/show/editor.ts';
import type { Product } from '../../../../shared/show/schema.ts';
import { useT } from '../../i18n/useT.ts';
import { DraftInput } from './DraftInput.tsx';
import { useEditorContext } from './EditorContext.ts';
import { FieldErrorList } from './FieldErrorList.tsx';
import { formatYuanInput, newId, parseWholeNumber, parseYuan } from './editorInput.ts';
import { fieldKey } from './fieldErrors.ts';

const count = (n: number) => String(n);

/** A SKU not yet used in the show: SKU-1, SKU-2… */
function freshSku(products: readonly Product[]): string {
  const taken = new Set(products.map((p) => p.sku));
  for (let n = products.length + 1; ; n++) if (!taken.has(`SKU-${n}`)) return `SKU-${n}`;
}

/** The show's products: what is sold, at which prices, how many, and how many one buyer may take. */
export function ProductTable() {
  const t = useT();
  const id = useId();
  const { show, change } = useEditorContext();
  const add = () =>
    change((s) =>
      addProduct(s, {
        id: newId(),
        sku: freshSku(s.products),
        name: t('editor.products.newName'),
        listPrice: 0,
        dealPrice: 0,
        stock: 0,
        perCustomerLimit: 1,
      }),
    );
  return (
    <div className="product-table" data-testid="product-table">
      {show.products.length === 0 ? (
        <p className="empty-state">{t('editor.products.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th id={`${id}-sku`}>{t('editor.products.sku')}</th>
              <th id={`${id}-name`}>{t('editor.products.name')}</th>
              <th id={`${id}-list`}>{t('editor.products.listPrice')}</th>
              <th id={`${id}-deal`}>{t('editor.products.dealPrice')}</th>
              <th id={`${id}-stock`}>{t('editor.products.stock')}</th>
              <th id={`${id}-limit`}>{t('editor.products.limit')}</th>
              <th>
                <span className="visually-hidden">{t('editor.products.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {show.products.map((product) => (
              <ProductRow key={product.id} product={product} headerId={id} />
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button type="button" className="button" data-testid="product-add" onClick={add}>
          {t('editor.products.add')}
        </button>
      </div>
    </div>
  );
}

function ProductRow({ product, headerId }: { product: Product; headerId: string }) {
  const t = useT();
  const id = useId();
  const { change } = useEditorContext();
  const key = (field: string) => fieldKey.product(product.id, field);
  const set = (patch: ProductPatch, field: string) => change((s) => updateProduct(s, product.id, patch), key(field));
  const used = useEditorContext().show.segments.some((s) => s.flashSales.some((f) => f.productId === product.id));

  return (
    <tr data-testid="product-row" data-product-id={product.id}>
      <td>
        <input
          type="text"
          autoComplete="off"
          aria-labelledby={`${headerId}-sku`}
          data-testid="product-sku"
          value={product.sku}
          onChange={(e) => set({ sku: e.target.value }, 'sku')}
        />
        <FieldErrorList field={key('sku')} />
      </td>
      <td>
        <input
          type="text"
          autoComplete="off"
          aria-labelledby={`${headerId}-name`}
          data-testid="product-name"
          value={product.name}
          onChange={(e) => set({ name: e.target.value }, 'name')}
        />
        <FieldErrorList field={key('name')} />
      </td>
      <td>
        <DraftInput
          aria-labelledby={`${headerId}-list`}
          className="input--number"
          testId="product-list-price"
          inputMode="decimal"
          value={product.listPrice}
          format={formatYuanInput}
          parse={parseYuan}
          onCommit={(listPrice) => set({ listPrice }, 'listPrice')}
          invalidMessage={t('editor.invalid.price')}
          messageId={`${id}-list-invalid`}
        />
        <FieldErrorList field={key('listPrice')} />
      </td>
      <td>
        <DraftInput
          aria-labelledby={`${headerId}-deal`}
          className="input--number"
          testId="product-deal-price"
          inputMode="decimal"
          value={product.dealPrice}
          format={formatYuanInput}
          parse={parseYuan}
          onCommit={(dealPrice) => set({ dealPrice }, 'dealPrice')}
          invalidMessage={t('editor.invalid.price')}
          messageId={`${id}-deal-invalid`}
        />
        <FieldErrorList field={key('dealPrice')} />
      </td>
      <td>
        <DraftInput
          aria-labelledby={`${headerId}-stock`}
          className="input--number"
          testId="product-stock"
          inputMode="numeric"
          value={product.stock}
          format={count}
          parse={parseWholeNumber}
          onCommit={(stock) => set({ stock }, 'stock')}
          invalidMessage={t('editor.invalid.count')}
          messageId={`${id}-stock-invalid`}
        />
        <FieldErrorList field={key('stock')} />
      </td>
      <td>
        <DraftInput
          aria-labelledby={`${headerId}-limit`}
          className="input--number"
          testId="product-limit"
          inputMode="numeric"
          value={product.perCustomerLimit}
          format={count}
          parse={parseWholeNumber}
          onCommit={(perCustomerLimit) => set({ perCustomerLimit }, 'perCustomerLimit')}
          invalidMessage={t('editor.invalid.count')}
          messageId={`${id}-limit-invalid`}
        />
        <FieldErrorList field={key('perCustomerLimit')} />
      </td>
      <td>
        <button
          type="button"
          className="button button--small"
          data-testid="product-delete"
          aria-label={t('editor.products.deleteNamed', { name: product.name })}
          title={used ? t('editor.products.deleteDropsSales') : undefined}
          onClick={() => change((s) => deleteProduct(s, product.id))}
        >
          {t('editor.products.delete')}
        </button>
      </td>
    </tr>
  );
}
