import type { MemberFieldsFragment, Role } from '../../gql/graphql';
import type { MessageKey } from '../../i18n';

export type MemberInfo = MemberFieldsFragment;

export const ROLES: readonly Role[] = ['OWNER', 'EDITOR', 'ANALYST'];

export type TeamAction = 'add' | 'change' | 'remove';

/**
 * Better words for the server's refusals of each team action. The server refuses to demote or
 * remove a shop's last owner with BAD_USER_INPUT; it answers NOT_FOUND for an email without an
 * account, CONFLICT for someone already in the team.
 */
export const TEAM_ERROR_WORDS: Record<TeamAction, Partial<Record<string, MessageKey>>> = {
  add: { NOT_FOUND: 'team.noAccount', CONFLICT: 'team.alreadyMember' },
  change: { BAD_USER_INPUT: 'team.lastOwner', NOT_FOUND: 'team.memberGone' },
  remove: { BAD_USER_INPUT: 'team.lastOwner', NOT_FOUND: 'team.memberGone' },
};

export function ownerCount(members: readonly Pick<MemberInfo, 'role'>[]): number {
  return members.filter((m) => m.role === 'OWNER').length;
}

/** Whether `member` is the only owner (the server refuses to demote or remove them). */
export function isLastOwner(member: Pick<MemberInfo, 'role'>, members: readonly Pick<MemberInfo, 'role'>[]): boolean {
  return member.role === 'OWNER' && ownerCount(members) === 1;
}

/** The team with `fresh` in place of the member with the same user (or added at the end). */
export function upsertMember(members: readonly MemberInfo[], fresh: MemberInfo): MemberInfo[] {
  const found = members.some((m) => m.user.id === fresh.user.id);
  return found ? members.map((m) => (m.user.id === fresh.user.id ? fresh : m)) : [...members, fresh];
}

export function withoutMember(members: readonly MemberInfo[], userId: string): MemberInfo[] {
  return members.filter((m) => m.user.id !== userId);
}

/** What to call a member: their name, else their email. */
export function memberLabel(member: MemberInfo): string {
  return member.user.name.trim() || member.user.email;
}
