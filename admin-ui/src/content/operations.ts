import { graphql } from '../gql';

export const ContentDataFields = graphql(`
  fragment ContentDataFields on ContentData {
    title
    seoTitle
    seoDescription
    blocks {
      id
      type
      settings
    }
    bodyHtml
    excerpt
    cover
  }
`);

/** A page with every locale's state: what the list and the editor show. */
export const ContentPageFields = graphql(`
  fragment ContentPageFields on ContentPage {
    id
    kind
    handle
    url
    startsAt
    endsAt
    promotionIds
    tags
    createdAt
    updatedAt
    locales {
      locale
      status
      draftSavedAt
      draftVersion
      publishedAt
      publishedRevision
      scheduledAt
      scheduledRevision
      draft {
        ...ContentDataFields
      }
      published {
        ...ContentDataFields
      }
    }
  }
`);

/** One page of the shop's content pages, of one kind or all, matching a search. */
export const ContentPagesQuery = graphql(`
  query ContentPages($shopId: ID!, $kind: ContentKind, $search: String, $first: Int, $after: String) {
    contentPages(shopId: $shopId, kind: $kind, search: $search, first: $first, after: $after) {
      nodes {
        ...ContentPageFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** One page and the block types the editor can add (their settings' JSON Schemas). */
export const ContentEditorQuery = graphql(`
  query ContentEditor($shopId: ID!, $id: ID!) {
    contentPage(shopId: $shopId, id: $id) {
      ...ContentPageFields
    }
    contentBlockTypes(shopId: $shopId) {
      type
      title
      description
      schema
    }
  }
`);

export const ContentRevisionsQuery = graphql(`
  query ContentRevisions($shopId: ID!, $pageId: ID!, $locale: String!, $first: Int, $after: String) {
    contentRevisions(shopId: $shopId, pageId: $pageId, locale: $locale, first: $first, after: $after) {
      nodes {
        number
        locale
        createdAt
        createdBy
        note
        live
        data {
          ...ContentDataFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateContentPageMutation = graphql(`
  mutation CreateContentPage($shopId: ID!, $kind: ContentKind!, $handle: String, $locale: String!, $data: ContentDataInput!) {
    createContentPage(shopId: $shopId, kind: $kind, handle: $handle, locale: $locale, data: $data) {
      ...ContentPageFields
    }
  }
`);

export const UpdateContentPageMutation = graphql(`
  mutation UpdateContentPage($shopId: ID!, $id: ID!, $handle: String, $startsAt: DateTime, $endsAt: DateTime, $tags: [String!]) {
    updateContentPage(shopId: $shopId, id: $id, handle: $handle, startsAt: $startsAt, endsAt: $endsAt, tags: $tags) {
      ...ContentPageFields
    }
  }
`);

export const SaveContentDraftMutation = graphql(`
  mutation SaveContentDraft($shopId: ID!, $id: ID!, $locale: String!, $data: ContentDataInput!, $draftVersion: Int) {
    saveContentDraft(shopId: $shopId, id: $id, locale: $locale, data: $data, draftVersion: $draftVersion) {
      ...ContentPageFields
    }
  }
`);

export const PublishContentMutation = graphql(`
  mutation PublishContent($shopId: ID!, $id: ID!, $locale: String!, $at: DateTime) {
    publishContent(shopId: $shopId, id: $id, locale: $locale, at: $at) {
      ...ContentPageFields
    }
  }
`);

export const CancelScheduledContentMutation = graphql(`
  mutation CancelScheduledContent($shopId: ID!, $id: ID!, $locale: String!) {
    cancelScheduledContent(shopId: $shopId, id: $id, locale: $locale) {
      ...ContentPageFields
    }
  }
`);

export const UnpublishContentMutation = graphql(`
  mutation UnpublishContent($shopId: ID!, $id: ID!, $locale: String!) {
    unpublishContent(shopId: $shopId, id: $id, locale: $locale) {
      ...ContentPageFields
    }
  }
`);

export const RestoreContentRevisionMutation = graphql(`
  mutation RestoreContentRevision($shopId: ID!, $id: ID!, $locale: String!, $number: Int!) {
    restoreContentRevision(shopId: $shopId, id: $id, locale: $locale, number: $number) {
      ...ContentPageFields
    }
  }
`);

export const DeleteContentPageMutation = graphql(`
  mutation DeleteContentPage($shopId: ID!, $id: ID!) {
    deleteContentPage(shopId: $shopId, id: $id)
  }
`);

export const ContentPreviewLinkMutation = graphql(`
  mutation ContentPreviewLink($shopId: ID!, $id: ID!, $locale: String!) {
    contentPreviewLink(shopId: $shopId, id: $id, locale: $locale) {
      url
      expiresAt
    }
  }
`);
