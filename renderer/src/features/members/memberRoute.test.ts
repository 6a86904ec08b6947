import { describe, expect, it } from 'vitest';
import { matchRoute, memberPagePath } from '../../app/router.ts';
import { viewLabelKey } from '../../app/viewLabel.ts';

describe('member routes', () => {
  it('matches the members page and one member’s card', () => {
    expect(matchRoute('/members')).toEqual({ kind: 'view', view: 'members' });
    expect(matchRoute('/members/')).toEqual({ kind: 'view', view: 'members' });
    expect(matchRoute('/members/M123')).toEqual({ kind: 'view', view: 'members', memberId: 'M123' });
    expect(matchRoute('/members/a%7Cb')).toEqual({ kind: 'view', view: 'members', memberId: 'a|b' });
    expect(matchRoute('/members/x/y')).toEqual({ kind: 'not_found', path: '/members/x/y' });
    expect(matchRoute('/members/%E0%A4%A')).toEqual({ kind: 'not_found', path: '/members/%E0%A4%A' });
    expect(matchRoute('/members/%20')).toEqual({ kind: 'not_found', path: '/members/%20' });
  });

  it('builds member addresses that match back', () => {
    expect(memberPagePath('会员/1')).toBe('/members/%E4%BC%9A%E5%91%98%2F1');
    expect(matchRoute(memberPagePath('会员/1'))).toEqual({ kind: 'view', view: 'members', memberId: '会员/1' });
  });

  it('names the view', () => {
    expect(viewLabelKey('members')).toBe('members.nav');
  });
});
