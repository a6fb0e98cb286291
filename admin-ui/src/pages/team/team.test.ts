import { describe, expect, it } from 'vitest';
import { describeError } from '../../api';
import { ApiError } from '../../api/errors';
import { translator } from '../../i18n';
import { TEAM_ERROR_WORDS, isLastOwner, memberLabel, ownerCount, upsertMember, withoutMember, type MemberInfo } from './team';

const member = (id: string, role: MemberInfo['role'], name = `User ${id}`): MemberInfo => ({
  role,
  joinedAt: '2026-01-01T00:00:00+00:00',
  user: { id, email: `${id}@example.com`, name },
});

describe('team helpers', () => {
  it('counts owners and knows the last one', () => {
    const team = [member('a', 'OWNER'), member('b', 'EDITOR')];
    expect(ownerCount(team)).toBe(1);
    expect(isLastOwner(team[0], team)).toBe(true);
    expect(isLastOwner(team[1], team)).toBe(false);
    const two = [...team, member('c', 'OWNER')];
    expect(isLastOwner(two[0], two)).toBe(false);
  });

  it('updates, adds and removes members by user', () => {
    const team = [member('a', 'OWNER'), member('b', 'EDITOR')];
    expect(upsertMember(team, member('b', 'ANALYST')).map((m) => m.role)).toEqual(['OWNER', 'ANALYST']);
    expect(upsertMember(team, member('c', 'ANALYST')).map((m) => m.user.id)).toEqual(['a', 'b', 'c']);
    expect(withoutMember(team, 'a').map((m) => m.user.id)).toEqual(['b']);
  });

  it('calls a member by name, else by email', () => {
    expect(memberLabel(member('a', 'OWNER', 'Ann'))).toBe('Ann');
    expect(memberLabel(member('a', 'OWNER', '  '))).toBe('a@example.com');
  });

  it('puts the last-owner refusal in words, in both languages', () => {
    const refusal = new ApiError('BAD_USER_INPUT', 'a shop needs at least one owner: make someone else owner first');
    expect(describeError(refusal, translator('en'), TEAM_ERROR_WORDS.change).title).toBe(
      'A shop needs at least one owner. Make someone else an owner first.',
    );
    expect(describeError(refusal, translator('zh'), TEAM_ERROR_WORDS.remove).title).toBe('店铺至少需要一位所有者。请先将其他成员设为所有者。');
    expect(describeError(new ApiError('NOT_FOUND', 'no account'), translator('en'), TEAM_ERROR_WORDS.add).title).toBe(
      'No CloudCat account uses this email. Ask them to sign up first, then add them.',
    );
  });
});
