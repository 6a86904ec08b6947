import { MemberPage } from '../features/members/MemberPage.tsx';
import { MembersOverview } from '../features/members/MembersOverview.tsx';
import '../features/members/members.css';

/** 会员: search, tier shares, feed-back, imports and rules at /members; one member's card at /members/<id>. */
export function MembersView({ memberId }: { memberId?: string }) {
  return memberId === undefined ? <MembersOverview /> : <MemberPage key={memberId} memberId={memberId} />;
}
