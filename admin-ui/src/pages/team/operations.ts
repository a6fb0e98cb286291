import { graphql } from '../../gql';

export const MemberFields = graphql(`
  fragment MemberFields on Member {
    role
    joinedAt
    user {
      id
      email
      name
    }
  }
`);

/** The team, and who is looking (to mark "you"). */
export const TeamQuery = graphql(`
  query Team($shopId: ID!) {
    me {
      id
    }
    shop(id: $shopId) {
      id
      members {
        ...MemberFields
      }
    }
  }
`);

export const AddMemberMutation = graphql(`
  mutation AddMember($shopId: ID!, $email: String!, $role: Role!) {
    addMember(shopId: $shopId, email: $email, role: $role) {
      ...MemberFields
    }
  }
`);

export const ChangeMemberRoleMutation = graphql(`
  mutation ChangeMemberRole($shopId: ID!, $userId: ID!, $role: Role!) {
    changeMemberRole(shopId: $shopId, userId: $userId, role: $role) {
      ...MemberFields
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($shopId: ID!, $userId: ID!) {
    removeMember(shopId: $shopId, userId: $userId)
  }
`);
