import { useId, useState } from 'react';
import type { TierRules } from '../../../../shared/members/tiers.ts';
import type { CommandError } from '../../../../shared/protocol/index.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useT } from '../../i18n/useT.ts';
import { CommandErrorMessage } from '../commands/CommandErrorMessage.tsx';
import { useCommand } from '../commands/useCommand.ts';
import { ApiErrorMessage } from '../api/ApiErrorMessage.tsx';
import { fetchTierRules } from './membersApi.ts';
import { draftFromRules, RULE_FIELDS, rulesFromDraft, type RuleFieldId, type RulesDraft } from './tierRulesForm.ts';
import { useResource as useLoad } from '../../app/useResource.ts';

const FIELD_LABEL = {
  vipSpend: 'members.rules.vipSpend',
  vipRate: 'members.rules.vipRate',
  vipCommunity: 'members.rules.vipCommunity',
  silverMonths: 'members.rules.silverMonths',
  silverWatch: 'members.rules.silverWatch',
  spendWindow: 'members.rules.spendWindow',
  targetVip: 'members.rules.targetVip',
  targetSilver: 'members.rules.targetSilver',
  targetBronze: 'members.rules.targetBronze',
  tagBigSpend: 'members.rules.tagBigSpend',
  tagNewBuyerDays: 'members.rules.tagNewBuyerDays',
  tagLapsedDays: 'members.rules.tagLapsedDays',
  tagFlashOrders: 'members.rules.tagFlashOrders',
  tagLurkerSessions: 'members.rules.tagLurkerSessions',
  tagLurkerMinutes: 'members.rules.tagLurkerMinutes',
  tagQuestions: 'members.rules.tagQuestions',
  tagNightSessions: 'members.rules.tagNightSessions',
  tagNightShare: 'members.rules.tagNightShare',
} as const satisfies Record<RuleFieldId, MessageKey>;

const UNIT_LABEL = {
  yuan: 'members.unit.yuan',
  percent: 'members.unit.percent',
  count: 'members.unit.count',
  months: 'members.unit.months',
  minutes: 'members.unit.minutes',
  days: 'members.unit.days',
} as const satisfies Record<(typeof RULE_FIELDS)[number]['unit'], MessageKey>;

const GROUPS = [
  { group: 'vip', heading: 'members.rules.vipHeading' },
  { group: 'silver', heading: 'members.rules.silverHeading' },
  { group: null, heading: 'members.rules.windowHeading' },
  { group: 'targetShares', heading: 'members.rules.planHeading' },
  { group: 'autoTags', heading: 'members.rules.autoTagsHeading' },
] as const;

const TARGET_FIELDS: readonly RuleFieldId[] = ['targetVip', 'targetSilver', 'targetBronze'];

type Outcome = { kind: 'saved' | 'recomputed' } | { kind: 'error'; action: MessageKey; error: CommandError } | null;

/**
 * The tier thresholds (business rules, defaulting to the plan's numbers): saving them reassesses every member and
 * records each change with its reason. Recompute runs the same reassessment without a change of rules.
 */
export function TierRulesEditor({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const [version, setVersion] = useState(0);
  const [rules] = useLoad(`rules|${version}`, fetchTierRules);
  /** Null until the user types: until then the fields show the engine's rules. */
  const [draft, setDraft] = useState<RulesDraft | null>(null);
  const [invalid, setInvalid] = useState<readonly RuleFieldId[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const { pending, run } = useCommand();

  if (rules.status === 'error') {
    return (
      <section className="panel" aria-labelledby={`${id}-heading`} data-testid="tier-rules">
        <h2 id={`${id}-heading`} className="panel__heading">
          {t('members.rules.heading')}
        </h2>
        <ApiErrorMessage error={rules.error} testId="tier-rules-load-error" scope="members" />
      </section>
    );
  }

  const loaded: TierRules | null = rules.status === 'ready' ? rules.data : null;
  const shown: RulesDraft | null = draft ?? (loaded === null ? null : draftFromRules(loaded));

  const save = async () => {
    if (shown === null) return;
    setOutcome(null);
    const parsed = rulesFromDraft(shown);
    if (!parsed.ok) {
      setInvalid(parsed.fields);
      return;
    }
    setInvalid([]);
    const result = await run({ type: 'members.setTierRules', rules: parsed.rules });
    if (!result.ok) {
      setOutcome({ kind: 'error', action: 'members.rules.saveFailed', error: result.error });
      return;
    }
    setDraft(null);
    setVersion((v) => v + 1);
    setOutcome({ kind: 'saved' });
    onChanged();
  };

  const recompute = async () => {
    setOutcome(null);
    const result = await run({ type: 'members.recomputeTiers' });
    if (!result.ok) {
      setOutcome({ kind: 'error', action: 'members.rules.recomputeFailed', error: result.error });
      return;
    }
    setOutcome({ kind: 'recomputed' });
    onChanged();
  };

  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="tier-rules">
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('members.rules.heading')}
      </h2>
      <p className="form-help">{t('members.rules.help')}</p>
      {shown === null ? (
        <p className="form-help">{t('members.loading')}</p>
      ) : (
        <form
          className="tier-rules"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {GROUPS.map((g) => (
            <fieldset key={g.heading} className="tier-rules__group">
              <legend className="field-label">{t(g.heading)}</legend>
              {RULE_FIELDS.filter((f) => f.group === g.group).map((field) => {
                const bad = invalid.includes(field.id);
                return (
                  <label key={field.id} className={`field field--compact${bad ? ' field--invalid' : ''}`}>
                    <span className="field-label">{t(FIELD_LABEL[field.id])}</span>
                    <span className="input-unit">
                      <input
                        type="text"
                        inputMode="decimal"
                        className="input-number"
                        data-testid="tier-rule"
                        data-field={field.id}
                        aria-invalid={bad}
                        value={shown[field.id]}
                        disabled={pending}
                        onChange={(e) => {
                          setDraft({ ...shown, [field.id]: e.target.value });
                          setInvalid((list) => list.filter((f) => f !== field.id));
                          setOutcome(null);
                        }}
                      />
                      <span className="input-unit__unit">{t(UNIT_LABEL[field.unit])}</span>
                    </span>
                  </label>
                );
              })}
            </fieldset>
          ))}
          <div className="button-row">
            <button type="submit" className="button button--primary" data-testid="tier-rules-save" disabled={pending || draft === null}>
              {t('members.rules.save')}
            </button>
            <button type="button" className="button" data-testid="tier-rules-reset" disabled={pending || draft === null} onClick={() => setDraft(null)}>
              {t('members.rules.reset')}
            </button>
            <button type="button" className="button" data-testid="tier-recompute" disabled={pending} onClick={() => void recompute()}>
              {t('members.rules.recompute')}
            </button>
          </div>
        </form>
      )}
      {invalid.length > 0 && (
        <div className="form-error" role="alert" data-testid="tier-rules-error">
          {invalid.some((f) => !TARGET_FIELDS.includes(f)) && (
            <p>{t('members.rules.invalid', { fields: invalid.filter((f) => !TARGET_FIELDS.includes(f)).map((f) => t(FIELD_LABEL[f])).join(', ') })}</p>
          )}
          {invalid.some((f) => TARGET_FIELDS.includes(f)) && <p>{t('members.rules.sharesSum')}</p>}
        </div>
      )}
      {outcome?.kind === 'error' && <CommandErrorMessage action={outcome.action} error={outcome.error} testId="tier-rules-error" />}
      {outcome?.kind === 'saved' && (
        <p className="form-success" role="status" data-testid="tier-rules-saved">
          {t('members.rules.saved')}
        </p>
      )}
      {outcome?.kind === 'recomputed' && (
        <p className="form-success" role="status" data-testid="tier-recompute-done">
          {t('members.rules.recomputed')}
        </p>
      )}
    </section>
  );
}
