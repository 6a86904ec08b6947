import { useId, useState } from 'react';
import type { PromotionSelection } from '../../../../shared/members/commands.ts';
import { PromotionLift } from '../../../../shared/members/promotions.ts';
import type { CommandError } from '../../../../shared/protocol/index.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { formatCount } from '../feeds/format.ts';
import { CommandErrorMessage } from '../commands/CommandErrorMessage.tsx';
import { useCommand } from '../commands/useCommand.ts';
import { newPromotionDraft, parsePromotionDraft, type PromotionDraft, type PromotionField, type PromotionProblem } from './promotionForm.ts';

const REASON_MAX = 500;

export const LIFT_LABEL = { step: 'members.promotion.lift.step', silver: 'members.promotion.lift.silver', vip: 'members.promotion.lift.vip' } as const satisfies Record<
  PromotionLift,
  MessageKey
>;

const PROBLEM_TEXT = {
  required: 'members.promotion.problem.required',
  invalid: 'members.promotion.problem.invalid',
  past: 'members.promotion.problem.past',
  beforeStart: 'members.promotion.problem.beforeStart',
  tooLong: 'members.promotion.problem.tooLong',
} as const satisfies Record<PromotionProblem, MessageKey>;

type Target = { memberIds: string[] } | { selection: PromotionSelection };

/**
 * Grants a temporary promotion (festival uplift) to the members named or to a selection: the lift, the period (start
 * empty = now) and the reason that goes into each member's tier history. A selection is confirmed with its count.
 */
export function PromotionGrantForm({
  target,
  count,
  disabled = false,
  onGranted,
  testId,
}: {
  target: Target;
  /** How many members the selection matches now (asked before a selection grant), or null while unknown. */
  count?: number | null;
  disabled?: boolean;
  onGranted: () => void;
  testId: string;
}) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const [draft, setDraft] = useState<PromotionDraft>(() => newPromotionDraft(Date.now()));
  const [problems, setProblems] = useState<Partial<Record<PromotionField, PromotionProblem>>>({});
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { pending, run } = useCommand();
  const isSelection = 'selection' in target;

  const edit = (patch: Partial<PromotionDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems({});
    setDone(null);
    setError(null);
  };

  const grant = async () => {
    setConfirming(false);
    const parsed = parsePromotionDraft(draft, Date.now());
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    setError(null);
    const result = await run({
      type: 'members.grantPromotion',
      target,
      lift: parsed.lift,
      ...(parsed.startsAt === undefined ? {} : { startsAt: parsed.startsAt }),
      endsAt: parsed.endsAt,
      reason: parsed.reason,
    });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDone(parsed.reason);
    setDraft(newPromotionDraft(Date.now()));
    onGranted();
  };

  const submit = () => {
    const parsed = parsePromotionDraft(draft, Date.now());
    if (!parsed.ok) {
      setProblems(parsed.problems);
      return;
    }
    if (isSelection) setConfirming(true);
    else void grant();
  };

  const problem = (field: PromotionField) =>
    problems[field] !== undefined && (
      <p className="field-error" data-testid={`${testId}-problem`} data-field={field}>
        {t(PROBLEM_TEXT[problems[field]])}
      </p>
    );

  return (
    <>
      <form
        className="member-action-form promotion-form"
        data-testid={testId}
        aria-labelledby={`${id}-legend`}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p id={`${id}-legend`} className="visually-hidden">
          {t('members.promotion.grantHeading')}
        </p>
        <div className="promotion-form__row">
          <label className="field field--compact">
            <span className="field-label">{t('members.promotion.lift')}</span>
            <select data-testid={`${testId}-lift`} value={draft.lift} onChange={(e) => edit({ lift: PromotionLift.parse(e.target.value) })}>
              {PromotionLift.options.map((lift) => (
                <option key={lift} value={lift}>
                  {t(LIFT_LABEL[lift])}
                </option>
              ))}
            </select>
          </label>
          <label className="field field--compact">
            <span className="field-label">{t('members.promotion.startsAt')}</span>
            <input
              type="datetime-local"
              data-testid={`${testId}-starts`}
              value={draft.startsAt}
              aria-invalid={problems.startsAt !== undefined}
              onChange={(e) => edit({ startsAt: e.target.value })}
            />
          </label>
          <label className="field field--compact">
            <span className="field-label">{t('members.promotion.endsAt')}</span>
            <input
              type="datetime-local"
              data-testid={`${testId}-ends`}
              required
              value={draft.endsAt}
              aria-invalid={problems.endsAt !== undefined}
              onChange={(e) => edit({ endsAt: e.target.value })}
            />
          </label>
        </div>
        <p className="form-help">{t('members.promotion.startsHelp')}</p>
        {problem('startsAt')}
        {problem('endsAt')}
        <label className="field">
          <span className="field-label">{t('members.reason')}</span>
          <input
            type="text"
            data-testid={`${testId}-reason`}
            required
            maxLength={REASON_MAX}
            placeholder={t('members.promotion.reasonPlaceholder')}
            value={draft.reason}
            aria-invalid={problems.reason !== undefined}
            onChange={(e) => edit({ reason: e.target.value })}
          />
        </label>
        {problem('reason')}
        <div className="button-row">
          <button type="submit" className="button button--primary" data-testid={`${testId}-submit`} disabled={pending || disabled || (isSelection && count === 0)}>
            {isSelection && count !== undefined && count !== null
              ? t('members.promotion.grantSelection', { count: formatCount(count, locale) })
              : t('members.promotion.grant')}
          </button>
        </div>
      </form>
      {error !== null && <CommandErrorMessage action="members.promotion.grantFailed" error={error} testId={`${testId}-error`} />}
      {done !== null && (
        <p className="form-success" role="status" data-testid={`${testId}-done`}>
          {t('members.promotion.granted', { reason: done })}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('members.promotion.confirmTitle')}
          body={
            <p>
              {t('members.promotion.confirmBody', {
                count: count === undefined || count === null ? '?' : formatCount(count, locale),
                lift: t(LIFT_LABEL[draft.lift]),
                reason: draft.reason.trim(),
              })}
            </p>
          }
          confirmLabel={t('members.promotion.grant')}
          cancelLabel={t('members.cancel')}
          onConfirm={() => void grant()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </>
  );
}
