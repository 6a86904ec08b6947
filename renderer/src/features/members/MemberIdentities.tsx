import { useId, useState } from 'react';
import { identityKey, type Member, type MemberIdentity } from '../../../../shared/members/member.ts';
import type { CommandError } from '../../../../shared/protocol/index.ts';
import { useLanguage } from '../../i18n/store.ts';
import { useT } from '../../i18n/useT.ts';
import { CommandErrorMessage } from '../commands/CommandErrorMessage.tsx';
import { useCommand } from '../commands/useCommand.ts';
import { formatDay, isoOf } from './format.ts';

const REASON_MAX = 500;

/**
 * The live-platform accounts linked to this member, with every nickname each has used. An account linked by
 * mistake can be split off into a member of its own (with its orders and the sessions only it attended).
 */
export function MemberIdentities({ member, onChanged }: { member: Member; onChanged: () => void }) {
  const t = useT();
  const id = useId();
  const locale = useLanguage((s) => s.language);
  const [splitting, setSplitting] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const only = member.identities.length < 2;

  return (
    <section className="panel" aria-labelledby={`${id}-heading`} data-testid="member-identities">
      <h2 id={`${id}-heading`} className="panel__heading">
        {t('members.identities.heading')}
      </h2>
      {member.identities.length === 0 ? (
        <p className="form-help">{t('members.identities.none')}</p>
      ) : (
        <ul className="member-identities">
          {member.identities.map((identity) => {
            const key = identityKey(identity.platform, identity.platformUserId);
            return (
              <li key={key} className="member-identity" data-testid="member-identity" data-platform={identity.platform} data-user-id={identity.platformUserId}>
                <div className="member-identity__main">
                  <span className={`platform-badge platform-badge--${identity.platform}`}>{t(`feeds.platform.${identity.platform}`)}</span>
                  <code className="member-identity__id">
                    <bdi>{identity.platformUserId}</bdi>
                  </code>
                  <bdi className="member-identity__nick">{identity.nickname}</bdi>
                  <span className="form-help">
                    {t('members.identities.firstSeen')} <time dateTime={isoOf(identity.firstSeenAt)}>{formatDay(identity.firstSeenAt, locale)}</time>
                  </span>
                  <button
                    type="button"
                    className="button member-identity__split"
                    data-testid="member-split"
                    disabled={only}
                    title={only ? t('members.identities.onlyAccount') : undefined}
                    aria-expanded={splitting === key}
                    onClick={() => {
                      setSplitting(splitting === key ? null : key);
                      setDone(null);
                    }}
                  >
                    {t('members.identities.split')}
                  </button>
                </div>
                {identity.nicknames.length > 1 && (
                  <p className="member-identity__history" data-testid="member-nicknames">
                    {t('members.identities.nicknames')}{' '}
                    {identity.nicknames.map((nick, i) => (
                      <span key={i} className="member-tag">
                        <bdi>{nick}</bdi>
                      </span>
                    ))}
                  </p>
                )}
                {splitting === key && (
                  <SplitForm
                    memberId={member.id}
                    identity={identity}
                    onCancel={() => setSplitting(null)}
                    onDone={() => {
                      setSplitting(null);
                      setDone(key);
                      onChanged();
                    }}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      {only && member.identities.length === 1 && <p className="form-help">{t('members.identities.onlyAccount')}</p>}
      {done !== null && (
        <p className="form-success" role="status" data-testid="member-split-done">
          {t('members.identities.splitDone', { account: done })}
        </p>
      )}
    </section>
  );
}

function SplitForm({ memberId, identity, onCancel, onDone }: { memberId: string; identity: MemberIdentity; onCancel: () => void; onDone: () => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<CommandError | null>(null);
  const { pending, run } = useCommand();
  const blank = reason.trim() === '';

  const submit = async () => {
    if (blank) return;
    setError(null);
    const result = await run({ type: 'members.split', memberId, platform: identity.platform, platformUserId: identity.platformUserId, reason: reason.trim() });
    if (result.ok) onDone();
    else setError(result.error);
  };

  return (
    <form
      className="member-action-form"
      data-testid="member-split-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="form-help">{t('members.identities.splitHelp')}</p>
      <label className="field">
        <span className="field-label">{t('members.reason')}</span>
        <input
          type="text"
          data-testid="member-split-reason"
          required
          maxLength={REASON_MAX}
          placeholder={t('members.reasonPlaceholder')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <div className="button-row">
        <button type="submit" className="button button--danger" data-testid="member-split-confirm" disabled={blank || pending}>
          {t('members.identities.splitConfirm')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('members.cancel')}
        </button>
      </div>
      {error !== null && <CommandErrorMessage action="members.identities.splitFailed" error={error} testId="member-split-error" />}
    </form>
  );
}
