/* eslint-disable */
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = T | null | undefined;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** Date with time (isoformat) */
  DateTime: { input: string; output: string; }
  /** Decimal (fixed-point) */
  Decimal: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf). */
  JSON: { input: unknown; output: unknown; }
};

/** A bearer token for the admin API (its value is shown once). */
export type AdminToken = {
  __typename?: 'AdminToken';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  prefix: Scalars['String']['output'];
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  role: Role;
};

/** A started authorization: send the seller's browser to `url`. */
export type AuthorizationStart = {
  __typename?: 'AuthorizationStart';
  /** The seller must approve, and come back, before this time. */
  expiresAt: Scalars['DateTime']['output'];
  /** The provider's authorization page. */
  url: Scalars['String']['output'];
};

/** The buyer as the marketplace identifies them. */
export type Buyer = {
  __typename?: 'Buyer';
  email: Scalars['String']['output'];
  id: Scalars['String']['output'];
  name: Scalars['String']['output'];
  phone: Scalars['String']['output'];
};

/** A category or collection synced from a source. */
export type Category = {
  __typename?: 'Category';
  externalId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  imageUrl: Scalars['String']['output'];
  kind: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** The parent's external id. */
  parentId: Maybe<Scalars['String']['output']>;
  sortOrder: Scalars['Int']['output'];
  source: Scalars['String']['output'];
  status: ListingStatus;
  updatedAt: Maybe<Scalars['DateTime']['output']>;
};

export type CategoryConnection = {
  __typename?: 'CategoryConnection';
  edges: Array<CategoryEdge>;
  nodes: Array<Category>;
  pageInfo: PageInfo;
};

export type CategoryEdge = {
  __typename?: 'CategoryEdge';
  cursor: Scalars['String']['output'];
  node: Category;
};

/** One block of a page: its type and its settings. */
export type ContentBlock = {
  __typename?: 'ContentBlock';
  id: Scalars['ID']['output'];
  settings: Scalars['JSON']['output'];
  type: Scalars['String']['output'];
};

export type ContentBlockInput = {
  /** Absent: a new block. */
  id?: InputMaybe<Scalars['ID']['input']>;
  settings: Scalars['JSON']['input'];
  type: Scalars['String']['input'];
};

/** A block type the editor can add, with its settings' JSON Schema. */
export type ContentBlockType = {
  __typename?: 'ContentBlockType';
  description: Scalars['String']['output'];
  schema: Scalars['JSON']['output'];
  title: Scalars['String']['output'];
  type: Scalars['String']['output'];
};

/** What one version of a page says in one locale. */
export type ContentData = {
  __typename?: 'ContentData';
  blocks: Array<ContentBlock>;
  bodyHtml: Maybe<Scalars['String']['output']>;
  /** An image ref: media asset id or URL. */
  cover: Maybe<Scalars['String']['output']>;
  excerpt: Maybe<Scalars['String']['output']>;
  seoDescription: Maybe<Scalars['String']['output']>;
  seoTitle: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
};

export type ContentDataInput = {
  /** The whole ordered list (absent: no blocks). */
  blocks?: InputMaybe<Array<ContentBlockInput>>;
  /** Articles (sanitized). */
  bodyHtml?: InputMaybe<Scalars['String']['input']>;
  cover?: InputMaybe<Scalars['String']['input']>;
  excerpt?: InputMaybe<Scalars['String']['input']>;
  seoDescription?: InputMaybe<Scalars['String']['input']>;
  seoTitle?: InputMaybe<Scalars['String']['input']>;
  title: Scalars['String']['input'];
};

/** What a content page is. */
export type ContentKind =
  | 'ARTICLE'
  | 'CAMPAIGN'
  | 'HOME'
  | 'LANDING';

/** One locale of a page: its draft, what is live, what is planned. */
export type ContentLocale = {
  __typename?: 'ContentLocale';
  draft: Maybe<ContentData>;
  draftSavedAt: Maybe<Scalars['DateTime']['output']>;
  /** Send it back with saveContentDraft: a save made meanwhile is a CONFLICT. */
  draftVersion: Scalars['Int']['output'];
  locale: Scalars['String']['output'];
  published: Maybe<ContentData>;
  publishedAt: Maybe<Scalars['DateTime']['output']>;
  publishedRevision: Maybe<Scalars['Int']['output']>;
  scheduledAt: Maybe<Scalars['DateTime']['output']>;
  scheduledRevision: Maybe<Scalars['Int']['output']>;
  status: ContentStatus;
};

/** A home, landing, campaign or article page. */
export type ContentPage = {
  __typename?: 'ContentPage';
  createdAt: Scalars['DateTime']['output'];
  endsAt: Maybe<Scalars['DateTime']['output']>;
  handle: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  kind: ContentKind;
  locales: Array<ContentLocale>;
  promotionIds: Array<Scalars['String']['output']>;
  startsAt: Maybe<Scalars['DateTime']['output']>;
  tags: Array<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** Where the page is (once published) on the site. */
  url: Scalars['String']['output'];
};

export type ContentPageConnection = {
  __typename?: 'ContentPageConnection';
  edges: Array<ContentPageEdge>;
  nodes: Array<ContentPage>;
  pageInfo: PageInfo;
};

export type ContentPageEdge = {
  __typename?: 'ContentPageEdge';
  cursor: Scalars['String']['output'];
  node: ContentPage;
};

/** A version of one locale of a page. */
export type ContentRevision = {
  __typename?: 'ContentRevision';
  createdAt: Scalars['DateTime']['output'];
  createdBy: Maybe<Scalars['String']['output']>;
  data: ContentData;
  /** This version is what the site shows now. */
  live: Scalars['Boolean']['output'];
  locale: Scalars['String']['output'];
  note: Maybe<Scalars['String']['output']>;
  number: Scalars['Int']['output'];
};

export type ContentRevisionConnection = {
  __typename?: 'ContentRevisionConnection';
  edges: Array<ContentRevisionEdge>;
  nodes: Array<ContentRevision>;
  pageInfo: PageInfo;
};

export type ContentRevisionEdge = {
  __typename?: 'ContentRevisionEdge';
  cursor: Scalars['String']['output'];
  node: ContentRevision;
};

/** Where one locale of a page stands. */
export type ContentStatus =
  | 'CHANGED'
  | 'DRAFT'
  | 'PUBLISHED'
  | 'SCHEDULED';

export type CreatedAdminToken = {
  __typename?: 'CreatedAdminToken';
  adminToken: AdminToken;
  /** The token itself. It is shown this once only. */
  token: Scalars['String']['output'];
};

export type CreatedStorefrontKey = {
  __typename?: 'CreatedStorefrontKey';
  /** The key itself. It is shown this once only. */
  key: Scalars['String']['output'];
  storefrontKey: StorefrontKey;
};

export type Job = {
  __typename?: 'Job';
  attempts: Scalars['Int']['output'];
  cancelRequested: Scalars['Boolean']['output'];
  createdAt: Scalars['DateTime']['output'];
  errors: Array<JobAttemptError>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  kind: Scalars['String']['output'];
  lastError: Maybe<Scalars['String']['output']>;
  maxAttempts: Scalars['Int']['output'];
  /** What the job was asked to do. */
  payload: Scalars['JSON']['output'];
  progress: Maybe<JobProgress>;
  result: Maybe<Scalars['JSON']['output']>;
  runAt: Scalars['DateTime']['output'];
  startedAt: Maybe<Scalars['DateTime']['output']>;
  state: JobState;
};

export type JobAttemptError = {
  __typename?: 'JobAttemptError';
  at: Maybe<Scalars['DateTime']['output']>;
  attempt: Scalars['Int']['output'];
  message: Scalars['String']['output'];
};

export type JobConnection = {
  __typename?: 'JobConnection';
  edges: Array<JobEdge>;
  nodes: Array<Job>;
  pageInfo: PageInfo;
};

export type JobEdge = {
  __typename?: 'JobEdge';
  cursor: Scalars['String']['output'];
  node: Job;
};

export type JobProgress = {
  __typename?: 'JobProgress';
  done: Scalars['Float']['output'];
  /** done / total, or null if unknown. */
  fraction: Maybe<Scalars['Float']['output']>;
  message: Maybe<Scalars['String']['output']>;
  total: Maybe<Scalars['Float']['output']>;
};

/** A job that runs again and again on a fixed interval. */
export type JobSchedule = {
  __typename?: 'JobSchedule';
  enabled: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  intervalSeconds: Scalars['Float']['output'];
  kind: Scalars['String']['output'];
  lastEnqueuedAt: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  nextRunAt: Scalars['DateTime']['output'];
  payload: Scalars['JSON']['output'];
};

/** Where a job is in its life. */
export type JobState =
  | 'CANCELLED'
  | 'DEAD'
  | 'QUEUED'
  | 'RETRYING'
  | 'RUNNING'
  | 'SUCCEEDED';

/** The shop's most recent sync run (of any source). */
export type LastSync = {
  __typename?: 'LastSync';
  /** When it finished, or started if it has not. */
  at: Scalars['DateTime']['output'];
  error: Maybe<Scalars['String']['output']>;
  errorCode: Maybe<Scalars['String']['output']>;
  source: Scalars['String']['output'];
  status: SyncRunStatus;
  /** What it did per kind of object (the UI says it in its own words). */
  summary: Array<SyncCounts>;
};

/** Where a synced object stands on its marketplace. */
export type ListingStatus =
  | 'ACTIVE'
  | 'DELETED'
  | 'DELISTED';

/** An image in a shop's media library. */
export type MediaAsset = {
  __typename?: 'MediaAsset';
  alt: Scalars['String']['output'];
  /** As detected from the bytes. */
  contentType: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  filename: Scalars['String']['output'];
  height: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** Bytes of the uploaded file. */
  size: Scalars['Int']['output'];
  /** Every width in the original format, for srcset. */
  srcset: Scalars['String']['output'];
  /** The smallest WebP variant (320 px). */
  thumbnailUrl: Scalars['String']['output'];
  /** The picture up to 1024 px wide, original format. */
  url: Scalars['String']['output'];
  /** Every width as WebP, for srcset. */
  webpSrcset: Scalars['String']['output'];
  width: Scalars['Int']['output'];
};

export type MediaAssetConnection = {
  __typename?: 'MediaAssetConnection';
  edges: Array<MediaAssetEdge>;
  nodes: Array<MediaAsset>;
  pageInfo: PageInfo;
};

export type MediaAssetEdge = {
  __typename?: 'MediaAssetEdge';
  cursor: Scalars['String']['output'];
  node: MediaAsset;
};

export type Member = {
  __typename?: 'Member';
  joinedAt: Scalars['DateTime']['output'];
  role: Role;
  user: User;
};

/** A navigation menu in one locale. */
export type Menu = {
  __typename?: 'Menu';
  handle: Scalars['String']['output'];
  /** [{label, url, children: [...]}] */
  items: Scalars['JSON']['output'];
  locale: Scalars['String']['output'];
};

export type MenuItemInput = {
  children?: InputMaybe<Array<MenuItemInput>>;
  label: Scalars['String']['input'];
  url: Scalars['String']['input'];
};

/** An exact amount of money (never a float). */
export type Money = {
  __typename?: 'Money';
  amount: Scalars['Decimal']['output'];
  currencyCode: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Add an existing account to the team (owner). */
  addMember: Member;
  /** Cancel a queued or running job (editor). */
  cancelJob: Job;
  /** Drop one locale's scheduled publish. */
  cancelScheduledContent: ContentPage;
  /** Change a member's role (owner); a shop keeps one owner. */
  changeMemberRole: Member;
  /** Run a plugin's health check now and record the result. */
  checkPlugin: ShopPlugin;
  /** Set the app-level fields of one plugin for every shop (operator), with configurePlugin's semantics: `config` holds the plain values; in `secrets` a string sets one, null clears it, a field left out keeps its value. */
  configureAppPlugin: OperatorPlugin;
  /** Validate and store a plugin's config for one shop (editor). Secret fields go in `secrets`: a string sets one, null clears it, a field left out keeps its value. Nothing is stored unless everything is valid; errors list each bad field in `extensions.fields`. */
  configurePlugin: ShopPlugin;
  /** A signed link showing one locale's draft for `minutes`. */
  contentPreviewLink: PreviewLink;
  /** Create an admin API token (owner). The token is shown once. */
  createAdminToken: CreatedAdminToken;
  /** A new page with a first draft in `locale`. */
  createContentPage: ContentPage;
  /** Create a shop; the signed-in user becomes its owner. */
  createShop: Shop;
  /** Create a storefront key (owner). The key is shown once. */
  createStorefrontKey: CreatedStorefrontKey;
  /** Delete a page with its versions. */
  deleteContentPage: Scalars['Boolean']['output'];
  /** Delete an image (editor). Pages still naming it show no picture there. */
  deleteMediaAsset: Scalars['Boolean']['output'];
  /** Forget a plugin's authorization in a shop (editor); true if there was one. The provider may keep the grant until it expires or the seller revokes it there. */
  disconnectAuthorization: Scalars['Boolean']['output'];
  /** Sign in with email and password (sets the session cookie). Attempts are limited per account and per address: past the limit the answer is RATE_LIMITED with `extensions.retryAfter` seconds. */
  logIn: User;
  /** Sign out of this browser session. */
  logOut: Scalars['Boolean']['output'];
  /** Publish one locale's draft now (`at` null) or at a future time `at`; other locales are untouched. */
  publishContent: ContentPage;
  /** Remove a member from the team (owner). */
  removeMember: Scalars['Boolean']['output'];
  /** Copy version `number` into the draft of `locale`; what is live stays. */
  restoreContentRevision: ContentPage;
  /** Resume a suspended shop (operator). */
  resumeShop: OperatorShop;
  /** Run a dead, cancelled or waiting job again now (editor). */
  retryJob: Job;
  /** Revoke an admin API token (owner); it stops working at once. */
  revokeAdminToken: AdminToken;
  /** Revoke a storefront key (owner); it stops working at once (other API processes: within seconds). */
  revokeStorefrontKey: StorefrontKey;
  /** Save the draft of one locale. With `draftVersion`, a save made by someone else meanwhile is refused (CONFLICT). */
  saveContentDraft: ContentPage;
  /** Save and publish a menu's items in one locale. */
  saveMenu: Menu;
  /** Sync the catalog from `source` every `everyMinutes` minutes (5 to 10080), or stop doing so with null (editor). Returns the schedule, or null once removed. */
  setCatalogSyncSchedule: Maybe<JobSchedule>;
  /** Turn a plugin on or off for one shop (editor). */
  setPluginEnabled: ShopPlugin;
  /** Create an account and sign in (sets the session cookie). */
  signUp: User;
  /** Start connecting a plugin of a shop with its provider (editor; a signed-in user, not an admin token). Returns the provider's authorization page: the provider sends the browser back to /oauth/{plugin}/callback, which stores the authorization and redirects to /admin/shops/{shopId}/plugins?connected={plugin} (or ?denied= / ?failed=, with the reason in the plugin's lastError). The authorization must come back within 10 minutes, in this browser session, once. */
  startAuthorization: AuthorizationStart;
  /** Suspend a shop: its site and storefront API answer SHOP_SUSPENDED, its jobs wait, sellers cannot change it; nothing is deleted (operator). */
  suspendShop: OperatorShop;
  /** Start a catalog sync from an enabled source (editor); if one is already queued or running, that job is returned instead of starting another. */
  syncCatalog: Job;
  /** Take one locale off the site (draft and versions stay). */
  unpublishContent: ContentPage;
  /** Change a page's handle, campaign window, promotions or tags (what is given). A new handle keeps the old one, which then redirects (301). */
  updateContentPage: ContentPage;
  /** Change an image's alt text (editor). */
  updateMediaAsset: MediaAsset;
  /** Change a product's CloudCat-owned content (editor); syncs never undo it. */
  updateProductContent: Product;
  /** Change a shop's settings (owner). */
  updateShop: Shop;
};


export type MutationAddMemberArgs = {
  email: Scalars['String']['input'];
  role: Role;
  shopId: Scalars['ID']['input'];
};


export type MutationCancelJobArgs = {
  id: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationCancelScheduledContentArgs = {
  id: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationChangeMemberRoleArgs = {
  role: Role;
  shopId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationCheckPluginArgs = {
  name: Scalars['String']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationConfigureAppPluginArgs = {
  config: Scalars['JSON']['input'];
  name: Scalars['String']['input'];
  secrets?: InputMaybe<Scalars['JSON']['input']>;
};


export type MutationConfigurePluginArgs = {
  config: Scalars['JSON']['input'];
  name: Scalars['String']['input'];
  secrets?: InputMaybe<Scalars['JSON']['input']>;
  shopId: Scalars['ID']['input'];
};


export type MutationContentPreviewLinkArgs = {
  id: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
  minutes?: Scalars['Int']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationCreateAdminTokenArgs = {
  name: Scalars['String']['input'];
  role: Role;
  shopId: Scalars['ID']['input'];
};


export type MutationCreateContentPageArgs = {
  data: ContentDataInput;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  handle?: InputMaybe<Scalars['String']['input']>;
  kind: ContentKind;
  locale: Scalars['String']['input'];
  promotionIds?: InputMaybe<Array<Scalars['String']['input']>>;
  shopId: Scalars['ID']['input'];
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type MutationCreateShopArgs = {
  input: ShopInput;
  slug: Scalars['String']['input'];
};


export type MutationCreateStorefrontKeyArgs = {
  name: Scalars['String']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationDeleteContentPageArgs = {
  id: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationDeleteMediaAssetArgs = {
  id: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationDisconnectAuthorizationArgs = {
  plugin: Scalars['String']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationLogInArgs = {
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationPublishContentArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  id: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationRemoveMemberArgs = {
  shopId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRestoreContentRevisionArgs = {
  id: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
  number: Scalars['Int']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationResumeShopArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRetryJobArgs = {
  id: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationRevokeAdminTokenArgs = {
  id: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationRevokeStorefrontKeyArgs = {
  id: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationSaveContentDraftArgs = {
  data: ContentDataInput;
  draftVersion?: InputMaybe<Scalars['Int']['input']>;
  id: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationSaveMenuArgs = {
  handle: Scalars['String']['input'];
  items: Array<MenuItemInput>;
  locale: Scalars['String']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationSetCatalogSyncScheduleArgs = {
  everyMinutes?: InputMaybe<Scalars['Int']['input']>;
  shopId: Scalars['ID']['input'];
  source: Scalars['String']['input'];
};


export type MutationSetPluginEnabledArgs = {
  enabled: Scalars['Boolean']['input'];
  name: Scalars['String']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationSignUpArgs = {
  email: Scalars['String']['input'];
  name?: Scalars['String']['input'];
  password: Scalars['String']['input'];
};


export type MutationStartAuthorizationArgs = {
  plugin: Scalars['String']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationSuspendShopArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationSyncCatalogArgs = {
  mode?: InputMaybe<SyncMode>;
  shopId: Scalars['ID']['input'];
  source: Scalars['String']['input'];
};


export type MutationUnpublishContentArgs = {
  id: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationUpdateContentPageArgs = {
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  handle?: InputMaybe<Scalars['String']['input']>;
  id: Scalars['ID']['input'];
  promotionIds?: InputMaybe<Array<Scalars['String']['input']>>;
  shopId: Scalars['ID']['input'];
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type MutationUpdateMediaAssetArgs = {
  alt: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationUpdateProductContentArgs = {
  input: ProductContentInput;
  productId: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type MutationUpdateShopArgs = {
  id: Scalars['ID']['input'];
  input: ShopInput;
};

/** One step of the onboarding checklist. */
export type OnboardingStep = {
  __typename?: 'OnboardingStep';
  /** False while CloudCat cannot do this step yet (sharing a post needs channel posts, which come later): it is then never done. */
  available: Scalars['Boolean']['output'];
  done: Scalars['Boolean']['output'];
  key: OnboardingStepKey;
};

/** A step of a new shop's onboarding checklist, in order. */
export type OnboardingStepKey =
  | 'CHOOSE_THEME'
  | 'CONNECT_SOURCE'
  | 'EDIT_HOME'
  | 'FIRST_SYNC'
  | 'PUBLISH'
  | 'SHARE_POST';

/** A plugin's app-level settings, for the whole deployment. */
export type OperatorPlugin = {
  __typename?: 'OperatorPlugin';
  /** The operator's non-secret app-level values (the settings' over the stored). */
  appConfig: Scalars['JSON']['output'];
  /** JSON Schema of the app-level fields only (secrets writeOnly, settings' fields readOnly), localised. */
  appConfigSchema: Scalars['JSON']['output'];
  /** Names of the plugin's app-level config fields. */
  appFields: Array<Scalars['String']['output']>;
  /** App-level secret fields holding a value (never the values). */
  appSecretsSet: Array<Scalars['String']['output']>;
  /** App-level fields given by the server's settings (TOML/env): read-only here, and they win. */
  fromSettings: Array<Scalars['String']['output']>;
  plugin: Plugin;
};

/** A plugin of a shop whose last check or run failed. */
export type OperatorPluginError = {
  __typename?: 'OperatorPluginError';
  lastError: Scalars['String']['output'];
  lastErrorAt: Maybe<Scalars['DateTime']['output']>;
  plugin: Scalars['String']['output'];
};

/** A shop as the operator sees it. */
export type OperatorShop = {
  __typename?: 'OperatorShop';
  pluginErrors: Array<OperatorPluginError>;
  shop: Shop;
  sources: Array<OperatorSourceState>;
  suspended: Scalars['Boolean']['output'];
  suspendedAt: Maybe<Scalars['DateTime']['output']>;
  suspendedReason: Maybe<Scalars['String']['output']>;
};

export type OperatorShopConnection = {
  __typename?: 'OperatorShopConnection';
  edges: Array<OperatorShopEdge>;
  nodes: Array<OperatorShop>;
  pageInfo: PageInfo;
};

export type OperatorShopEdge = {
  __typename?: 'OperatorShopEdge';
  cursor: Scalars['String']['output'];
  node: OperatorShop;
};

/** One marketplace source as one shop uses it. */
export type OperatorSourceState = {
  __typename?: 'OperatorSourceState';
  connected: Scalars['Boolean']['output'];
  enabled: Scalars['Boolean']['output'];
  health: PluginHealth;
  lastError: Maybe<Scalars['String']['output']>;
  lastSyncAt: Maybe<Scalars['DateTime']['output']>;
  lastSyncState: Maybe<Scalars['String']['output']>;
  plugin: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

/** One option value of a variant, e.g. 颜色: 红色. */
export type OptionValue = {
  __typename?: 'OptionValue';
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

/** An order synced from a source. */
export type Order = {
  __typename?: 'Order';
  buyer: Buyer;
  discount: Maybe<Money>;
  externalId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  lines: Array<OrderLine>;
  paidAt: Maybe<Scalars['DateTime']['output']>;
  placedAt: Scalars['DateTime']['output'];
  shipping: Maybe<Money>;
  source: Scalars['String']['output'];
  /** The marketplace's own status. */
  sourceStatus: Scalars['String']['output'];
  status: OrderStatus;
  subtotal: Maybe<Money>;
  total: Money;
  updatedAt: Maybe<Scalars['DateTime']['output']>;
};

export type OrderConnection = {
  __typename?: 'OrderConnection';
  edges: Array<OrderEdge>;
  nodes: Array<Order>;
  pageInfo: PageInfo;
};

export type OrderEdge = {
  __typename?: 'OrderEdge';
  cursor: Scalars['String']['output'];
  node: Order;
};

export type OrderFilter = {
  buyerId?: InputMaybe<Scalars['String']['input']>;
  placedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  placedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Array<OrderStatus>>;
};

export type OrderLine = {
  __typename?: 'OrderLine';
  externalId: Scalars['String']['output'];
  productId: Scalars['String']['output'];
  quantity: Scalars['Int']['output'];
  sku: Scalars['String']['output'];
  title: Scalars['String']['output'];
  total: Money;
  unitPrice: Money;
  variantId: Scalars['String']['output'];
};

/** An order's status, normalized across marketplaces. */
export type OrderStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'DELETED'
  | 'PAID'
  | 'PENDING'
  | 'REFUNDED'
  | 'SHIPPED';

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor: Maybe<Scalars['String']['output']>;
};

/** A plugin (provider) installed on this CloudCat server. */
export type Plugin = {
  __typename?: 'Plugin';
  capabilities: Array<Scalars['String']['output']>;
  /** JSON Schema of the plugin's config (localised). */
  configSchema: Scalars['JSON']['output'];
  description: Scalars['String']['output'];
  /** The Python distribution it came from. */
  distribution: Scalars['String']['output'];
  kind: PluginKind;
  name: Scalars['String']['output'];
  /** The plugin's entry-point name. */
  package: Scalars['String']['output'];
  requiresCloudcat: Scalars['String']['output'];
  secretFields: Array<Scalars['String']['output']>;
  /** Whether a shop connects this plugin by one-click authorization (startAuthorization) rather than by pasting credentials. */
  supportsAuthorization: Scalars['Boolean']['output'];
  title: Scalars['String']['output'];
  version: Scalars['String']['output'];
};

export type PluginHealth =
  | 'ERROR'
  | 'OK'
  | 'UNKNOWN';

/** What a plugin provides. */
export type PluginKind =
  | 'ANALYTICS_SINK'
  | 'CHANNEL_PUBLISHER'
  | 'MARKETPLACE_SOURCE'
  | 'THEME';

/** A signed link showing a draft until it expires. */
export type PreviewLink = {
  __typename?: 'PreviewLink';
  expiresAt: Scalars['DateTime']['output'];
  url: Scalars['String']['output'];
};

/** The lowest and highest price of a product's variants. */
export type PriceRange = {
  __typename?: 'PriceRange';
  max: Money;
  min: Money;
};

/** A product synced from a marketplace source, with its variants. */
export type Product = {
  __typename?: 'Product';
  barcode: Scalars['String']['output'];
  /** The product's categories. */
  categories: Array<Category>;
  categoryIds: Array<Scalars['String']['output']>;
  compareAtPrice: Maybe<Money>;
  content: ProductContent;
  createdAt: Maybe<Scalars['DateTime']['output']>;
  description: Scalars['String']['output'];
  externalId: Scalars['String']['output'];
  /** The product's stable URL handle (it never changes with the title). */
  handle: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  imageUrls: Array<Scalars['String']['output']>;
  marketplaceDescription: Scalars['String']['output'];
  marketplaceTitle: Scalars['String']['output'];
  options: Array<ProductOption>;
  price: Money;
  priceRange: PriceRange;
  /** The promotions running now that reduce this product. */
  promotions: Array<PromotionPrice>;
  /** Active and not hidden by the seller. */
  published: Scalars['Boolean']['output'];
  /** The lowest price a running promotion offers, or null. */
  salePrice: Maybe<Money>;
  seoDescription: Scalars['String']['output'];
  seoTitle: Scalars['String']['output'];
  sku: Scalars['String']['output'];
  source: Scalars['String']['output'];
  sourceModifiedAt: Maybe<Scalars['DateTime']['output']>;
  status: ListingStatus;
  stock: Maybe<Scalars['Int']['output']>;
  /** The seller's own title when set, else the marketplace's. */
  title: Scalars['String']['output'];
  updatedAt: Maybe<Scalars['DateTime']['output']>;
  /** Where to buy it on the marketplace. */
  url: Scalars['String']['output'];
  variants: Array<Variant>;
};

export type ProductConnection = {
  __typename?: 'ProductConnection';
  edges: Array<ProductEdge>;
  nodes: Array<Product>;
  pageInfo: PageInfo;
};

/** What the seller writes in CloudCat; a sync never changes it. */
export type ProductContent = {
  __typename?: 'ProductContent';
  description: Scalars['String']['output'];
  published: Scalars['Boolean']['output'];
  seoDescription: Scalars['String']['output'];
  seoTitle: Scalars['String']['output'];
  sortOrder: Scalars['Int']['output'];
  title: Scalars['String']['output'];
  updatedAt: Maybe<Scalars['DateTime']['output']>;
};

/** The seller's own content; a field left out stays as it is. */
export type ProductContentInput = {
  description?: InputMaybe<Scalars['String']['input']>;
  published?: InputMaybe<Scalars['Boolean']['input']>;
  seoDescription?: InputMaybe<Scalars['String']['input']>;
  seoTitle?: InputMaybe<Scalars['String']['input']>;
  sortOrder?: InputMaybe<Scalars['Int']['input']>;
  /** "" uses the marketplace's. */
  title?: InputMaybe<Scalars['String']['input']>;
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  cursor: Scalars['String']['output'];
  node: Product;
};

/** Which products to list; every given condition must hold. */
export type ProductFilter = {
  /** A category's external id. */
  categoryId?: InputMaybe<Scalars['String']['input']>;
  published?: InputMaybe<Scalars['Boolean']['input']>;
  /** Part of the title, or an exact external id or SKU. */
  search?: InputMaybe<Scalars['String']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  /** Default: active and delisted (the admin), active (storefront). */
  status?: InputMaybe<Array<ListingStatus>>;
};

/** An option of a product and the values its variants use. */
export type ProductOption = {
  __typename?: 'ProductOption';
  name: Scalars['String']['output'];
  values: Array<Scalars['String']['output']>;
};

/** A sort order; ties are broken by creation order. */
export type ProductSort = {
  direction?: SortDirection;
  field?: ProductSortField;
};

/** What to sort products by. */
export type ProductSortField =
  | 'CREATED'
  | 'POSITION'
  | 'PRICE'
  | 'TITLE'
  | 'UPDATED';

/** An item- or shop-level promotion synced from a source. */
export type Promotion = {
  __typename?: 'Promotion';
  description: Scalars['String']['output'];
  endsAt: Maybe<Scalars['DateTime']['output']>;
  externalId: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  items: Array<PromotionItem>;
  level: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Active, and its time window holds now. */
  running: Scalars['Boolean']['output'];
  source: Scalars['String']['output'];
  startsAt: Maybe<Scalars['DateTime']['output']>;
  status: ListingStatus;
  updatedAt: Maybe<Scalars['DateTime']['output']>;
};

export type PromotionConnection = {
  __typename?: 'PromotionConnection';
  edges: Array<PromotionEdge>;
  nodes: Array<Promotion>;
  pageInfo: PageInfo;
};

export type PromotionEdge = {
  __typename?: 'PromotionEdge';
  cursor: Scalars['String']['output'];
  node: Promotion;
};

export type PromotionFilter = {
  level?: InputMaybe<Scalars['String']['input']>;
  /** Only promotions running now (true). */
  running?: InputMaybe<Scalars['Boolean']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<Array<ListingStatus>>;
};

/** One product of an item-level promotion. */
export type PromotionItem = {
  __typename?: 'PromotionItem';
  price: Maybe<Money>;
  /** The product's external id. */
  productId: Scalars['String']['output'];
  variantPrices: Array<VariantPrice>;
};

/** A running promotion's price for one product. */
export type PromotionPrice = {
  __typename?: 'PromotionPrice';
  endsAt: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** The price of the whole product. */
  price: Maybe<Money>;
  /** The promotion's external id. */
  promotionId: Scalars['String']['output'];
  startsAt: Maybe<Scalars['DateTime']['output']>;
  variantPrices: Array<VariantPrice>;
};

export type Query = {
  __typename?: 'Query';
  /** The block types the editor offers (in the caller's language). */
  contentBlockTypes: Array<ContentBlockType>;
  /** One content page, or null. */
  contentPage: Maybe<ContentPage>;
  /** The shop's content pages, newest first. */
  contentPages: ContentPageConnection;
  /** The versions of one locale of a page, newest first. */
  contentRevisions: ContentRevisionConnection;
  /** ISO 4217 codes a shop can sell in. */
  currencies: Array<Scalars['String']['output']>;
  /** Locales a shop's site can use. */
  locales: Array<Scalars['String']['output']>;
  /** The signed-in user, or null. */
  me: Maybe<User>;
  /** One image of the shop (null if there is none with that id). */
  mediaAsset: Maybe<MediaAsset>;
  /** The shop's images, newest first; `search` matches the file name or alt text. */
  mediaAssets: MediaAssetConnection;
  /** The shop's menus (every locale, or one). */
  menus: Array<Menu>;
  /** The plugins with app-level settings (operator). */
  operatorPlugins: Array<OperatorPlugin>;
  /** Every shop with its sources' connection and sync health and its plugin errors, oldest first (operator). */
  operatorShops: OperatorShopConnection;
  /** The catalog of installed plugins, optionally filtered. */
  plugins: Array<Plugin>;
  /** Plugins found on this server but refused, with the reason. */
  refusedPlugins: Array<RefusedPlugin>;
  /** One shop by id. */
  shop: Shop;
  /** One shop by its slug. */
  shopBySlug: Shop;
  /** The admin home page of a shop: checklist, site, numbers. */
  shopOverview: ShopOverview;
  /** The shops the viewer belongs to, oldest first. */
  shops: ShopConnection;
};


export type QueryContentBlockTypesArgs = {
  shopId: Scalars['ID']['input'];
};


export type QueryContentPageArgs = {
  id: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type QueryContentPagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<ContentKind>;
  search?: InputMaybe<Scalars['String']['input']>;
  shopId: Scalars['ID']['input'];
};


export type QueryContentRevisionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  locale: Scalars['String']['input'];
  pageId: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type QueryMediaAssetArgs = {
  id: Scalars['ID']['input'];
  shopId: Scalars['ID']['input'];
};


export type QueryMediaAssetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  shopId: Scalars['ID']['input'];
};


export type QueryMenusArgs = {
  locale?: InputMaybe<Scalars['String']['input']>;
  shopId: Scalars['ID']['input'];
};


export type QueryOperatorShopsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  problemsOnly?: InputMaybe<Scalars['Boolean']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryPluginsArgs = {
  kind?: InputMaybe<PluginKind>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryShopArgs = {
  id: Scalars['ID']['input'];
};


export type QueryShopBySlugArgs = {
  slug: Scalars['String']['input'];
};


export type QueryShopOverviewArgs = {
  shopId: Scalars['ID']['input'];
};


export type QueryShopsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A plugin that was found but refused, with the reason. */
export type RefusedPlugin = {
  __typename?: 'RefusedPlugin';
  package: Scalars['String']['output'];
  reason: Scalars['String']['output'];
};

/** A member's role in a shop. */
export type Role =
  | 'ANALYST'
  | 'EDITOR'
  | 'OWNER';

export type Shop = {
  __typename?: 'Shop';
  /** Admin API tokens (owner). */
  adminTokens: Array<AdminToken>;
  /** Browser origins whose pages may call the storefront API with this shop's keys (CORS), as scheme://host[:port]. */
  allowedOrigins: Array<Scalars['String']['output']>;
  /** Categories and collections, by sort order. */
  categories: CategoryConnection;
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  job: Maybe<Job>;
  /** Background jobs, newest first. */
  jobs: JobConnection;
  locale: Scalars['String']['output'];
  /** The shop's team. */
  members: Array<Member>;
  name: Scalars['String']['output'];
  /** One order, or null. */
  order: Maybe<Order>;
  /** Orders, newest first. */
  orders: OrderConnection;
  /** Every installed plugin with this shop's state of it (config: editor). */
  plugins: Array<ShopPlugin>;
  /** One product with its variants, or null. */
  product: Maybe<Product>;
  /** The synced catalog: filter, search, sort, paginate. */
  products: ProductConnection;
  /** Promotions, those starting last first. */
  promotions: PromotionConnection;
  /** Periodic jobs (such as scheduled catalog syncs). */
  schedules: Array<JobSchedule>;
  slug: Scalars['String']['output'];
  /** Publishable storefront keys (owner). */
  storefrontKeys: Array<StorefrontKey>;
  /** Suspended by the operator: its site and storefront API answer SHOP_SUSPENDED, its jobs wait, nothing in it can change; nothing is deleted. */
  suspended: Scalars['Boolean']['output'];
  suspendedReason: Maybe<Scalars['String']['output']>;
  /** One sync run, or null. */
  syncRun: Maybe<SyncRun>;
  /** The sync ledger: one entry per run, newest first. */
  syncRuns: SyncRunConnection;
  /** How each marketplace source's sync stands. */
  syncStatus: Array<SourceSyncStatus>;
  timezone: Scalars['String']['output'];
  /** The viewer's role in this shop. */
  viewerRole: Role;
};


export type ShopCategoriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
};


export type ShopJobArgs = {
  id: Scalars['ID']['input'];
};


export type ShopJobsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<Scalars['String']['input']>;
  states?: InputMaybe<Array<JobState>>;
};


export type ShopOrderArgs = {
  id: Scalars['ID']['input'];
};


export type ShopOrdersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<OrderFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type ShopPluginsArgs = {
  kind?: InputMaybe<PluginKind>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type ShopProductArgs = {
  id: Scalars['ID']['input'];
};


export type ShopProductsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeDelisted?: InputMaybe<Scalars['Boolean']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  sort?: InputMaybe<ProductSort>;
};


export type ShopPromotionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<PromotionFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type ShopSyncRunArgs = {
  id: Scalars['ID']['input'];
};


export type ShopSyncRunsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<SyncKind>;
  source?: InputMaybe<Scalars['String']['input']>;
};

export type ShopConnection = {
  __typename?: 'ShopConnection';
  edges: Array<ShopEdge>;
  nodes: Array<Shop>;
  pageInfo: PageInfo;
};

export type ShopEdge = {
  __typename?: 'ShopEdge';
  cursor: Scalars['String']['output'];
  node: Shop;
};

export type ShopInput = {
  /** Replace the origins allowed to call the storefront API from a browser: https://host[:port] (http only for localhost), no path. */
  allowedOrigins?: InputMaybe<Array<Scalars['String']['input']>>;
  currency?: InputMaybe<Scalars['String']['input']>;
  locale?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  timezone?: InputMaybe<Scalars['String']['input']>;
};

/** A shop at a glance: its site, its numbers, its next steps. */
export type ShopOverview = {
  __typename?: 'ShopOverview';
  lastSync: Maybe<LastSync>;
  /** Content pages published in at least one locale. */
  pagesPublished: Scalars['Int']['output'];
  /** Products the site and storefront API show (active, not hidden). */
  productsPublished: Scalars['Int']['output'];
  /** A QR code of `siteUrl`, as an SVG document. */
  siteQrSvg: Scalars['String']['output'];
  /** The shop's public site, /s/<slug>/. */
  siteUrl: Scalars['String']['output'];
  steps: Array<OnboardingStep>;
};

/** A plugin as one shop uses it. */
export type ShopPlugin = {
  __typename?: 'ShopPlugin';
  /** The provider account the authorization is for (e.g. the seller's nick). */
  accountName: Maybe<Scalars['String']['output']>;
  /** The stored config, without secret fields (editor: analysts get null and a FORBIDDEN error). */
  config: Maybe<Scalars['JSON']['output']>;
  /** JSON Schema of the form this shop's seller fills in: per-shop fields, plus app-level fields only when the operator has not set them. Localised. */
  configSchema: Scalars['JSON']['output'];
  /** Connected to its provider by authorization (startAuthorization), and that authorization works or can be renewed; false means connect (again). */
  connected: Scalars['Boolean']['output'];
  enabled: Scalars['Boolean']['output'];
  health: PluginHealth;
  lastError: Maybe<Scalars['String']['output']>;
  lastErrorAt: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** Stable code for notReadyReason: NOT_CONNECTED | NOT_CONFIGURED | DISABLED | SHOP_SUSPENDED, or null. */
  notReadyCode: Maybe<Scalars['String']['output']>;
  /** Null when Sync now / Check can run; otherwise the reason in words (localised). */
  notReadyReason: Maybe<Scalars['String']['output']>;
  /** App-level fields the operator has set for the whole deployment (names only, never values). */
  operatorManaged: Array<Scalars['String']['output']>;
  plugin: Plugin;
  /** Secret fields that hold a value. */
  secretsSet: Array<Scalars['String']['output']>;
  updatedAt: Maybe<Scalars['DateTime']['output']>;
};

export type SortDirection =
  | 'ASC'
  | 'DESC';

/** How one marketplace source's sync stands in a shop. */
export type SourceSyncStatus = {
  __typename?: 'SourceSyncStatus';
  enabled: Scalars['Boolean']['output'];
  /** In words a seller can act on. */
  lastError: Maybe<Scalars['String']['output']>;
  lastErrorAt: Maybe<Scalars['DateTime']['output']>;
  lastErrorCode: Maybe<Scalars['String']['output']>;
  /** When the last complete sync (full or reconcile) started. */
  lastFullAt: Maybe<Scalars['DateTime']['output']>;
  lastRun: Maybe<SyncRun>;
  lastSuccessAt: Maybe<Scalars['DateTime']['output']>;
  /** A run holds the lock and is alive. */
  running: Scalars['Boolean']['output'];
  source: Scalars['String']['output'];
  title: Scalars['String']['output'];
};

/** A publishable key for the storefront API (its value is shown once). */
export type StorefrontKey = {
  __typename?: 'StorefrontKey';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  lastUsedAt: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  prefix: Scalars['String']['output'];
  revokedAt: Maybe<Scalars['DateTime']['output']>;
};

/** What a run did to one kind of object. */
export type SyncCounts = {
  __typename?: 'SyncCounts';
  created: Scalars['Int']['output'];
  /** product, category, promotion or order. */
  entity: Scalars['String']['output'];
  failed: Scalars['Int']['output'];
  removed: Scalars['Int']['output'];
  unchanged: Scalars['Int']['output'];
  updated: Scalars['Int']['output'];
};

/** One object a run could not store, and why. */
export type SyncIssue = {
  __typename?: 'SyncIssue';
  entity: Scalars['String']['output'];
  reason: Scalars['String']['output'];
  reference: Scalars['String']['output'];
};

/** What kind of sync a run was. */
export type SyncKind =
  | 'CHANGES'
  | 'FULL'
  | 'INCREMENTAL'
  | 'RECONCILE';

/** The kind of catalog sync to run. */
export type SyncMode =
  | 'FULL'
  | 'INCREMENTAL'
  | 'RECONCILE';

/** A part of a run that was switched off, e.g. orders the app may not read. */
export type SyncNotice = {
  __typename?: 'SyncNotice';
  /** Stable, for translation: e.g. PERMISSION_MISSING. */
  code: Scalars['String']['output'];
  /** product, category, promotion, order or changes. */
  entity: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** One sync run of one source (the ledger entry). */
export type SyncRun = {
  __typename?: 'SyncRun';
  counts: Array<SyncCounts>;
  durationSeconds: Maybe<Scalars['Float']['output']>;
  /** Why it failed, in words to act on. */
  error: Maybe<Scalars['String']['output']>;
  errorCode: Maybe<Scalars['String']['output']>;
  errors: Array<SyncIssue>;
  errorsDropped: Scalars['Int']['output'];
  /** Objects the source announced, per entity. */
  expected: Scalars['JSON']['output'];
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  kind: SyncKind;
  /** Parts switched off (the rest synced): what the seller should fix. */
  notices: Array<SyncNotice>;
  /** How many times it went on after a stop. */
  resumed: Scalars['Int']['output'];
  source: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
  status: SyncRunStatus;
  trigger: Scalars['String']['output'];
  warnings: Array<Scalars['String']['output']>;
};

export type SyncRunConnection = {
  __typename?: 'SyncRunConnection';
  edges: Array<SyncRunEdge>;
  nodes: Array<SyncRun>;
  pageInfo: PageInfo;
};

export type SyncRunEdge = {
  __typename?: 'SyncRunEdge';
  cursor: Scalars['String']['output'];
  node: SyncRun;
};

export type SyncRunStatus =
  | 'FAILED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type User = {
  __typename?: 'User';
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Runs this deployment: may see every shop's health, suspend and resume shops, and set plugins' app-level settings. */
  isOperator: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
};

/** One SKU of a product. */
export type Variant = {
  __typename?: 'Variant';
  barcode: Scalars['String']['output'];
  compareAtPrice: Maybe<Money>;
  /** The variant's id on the marketplace. */
  id: Scalars['String']['output'];
  imageUrl: Scalars['String']['output'];
  options: Array<OptionValue>;
  price: Money;
  sku: Scalars['String']['output'];
  stock: Maybe<Scalars['Int']['output']>;
  title: Scalars['String']['output'];
};

/** A promotional price of one variant. */
export type VariantPrice = {
  __typename?: 'VariantPrice';
  price: Money;
  variantId: Scalars['String']['output'];
};

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string, email: string, name: string } | null };

export type LogInMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
}>;


export type LogInMutation = { __typename?: 'Mutation', logIn: { __typename?: 'User', id: string, email: string, name: string } };

export type SignUpMutationVariables = Exact<{
  email: Scalars['String']['input'];
  password: Scalars['String']['input'];
  name: Scalars['String']['input'];
}>;


export type SignUpMutation = { __typename?: 'Mutation', signUp: { __typename?: 'User', id: string, email: string, name: string } };

export type LogOutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogOutMutation = { __typename?: 'Mutation', logOut: boolean };

export type ContentDataFieldsFragment = { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> };

export type ContentPageFieldsFragment = { __typename?: 'ContentPage', id: string, kind: ContentKind, handle: string, url: string, startsAt: string | null, endsAt: string | null, promotionIds: Array<string>, tags: Array<string>, createdAt: string, updatedAt: string, locales: Array<{ __typename?: 'ContentLocale', locale: string, status: ContentStatus, draftSavedAt: string | null, draftVersion: number, publishedAt: string | null, publishedRevision: number | null, scheduledAt: string | null, scheduledRevision: number | null, draft: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null, published: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null }> };

export type ContentPagesQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  kind?: InputMaybe<ContentKind>;
  search?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ContentPagesQuery = { __typename?: 'Query', contentPages: { __typename?: 'ContentPageConnection', nodes: Array<{ __typename?: 'ContentPage', id: string, kind: ContentKind, handle: string, url: string, startsAt: string | null, endsAt: string | null, promotionIds: Array<string>, tags: Array<string>, createdAt: string, updatedAt: string, locales: Array<{ __typename?: 'ContentLocale', locale: string, status: ContentStatus, draftSavedAt: string | null, draftVersion: number, publishedAt: string | null, publishedRevision: number | null, scheduledAt: string | null, scheduledRevision: number | null, draft: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null, published: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null }> }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type ContentEditorQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type ContentEditorQuery = { __typename?: 'Query', contentPage: { __typename?: 'ContentPage', id: string, kind: ContentKind, handle: string, url: string, startsAt: string | null, endsAt: string | null, promotionIds: Array<string>, tags: Array<string>, createdAt: string, updatedAt: string, locales: Array<{ __typename?: 'ContentLocale', locale: string, status: ContentStatus, draftSavedAt: string | null, draftVersion: number, publishedAt: string | null, publishedRevision: number | null, scheduledAt: string | null, scheduledRevision: number | null, draft: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null, published: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null }> } | null, contentBlockTypes: Array<{ __typename?: 'ContentBlockType', type: string, title: string, description: string, schema: unknown }> };

export type ContentRevisionsQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  pageId: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type ContentRevisionsQuery = { __typename?: 'Query', contentRevisions: { __typename?: 'ContentRevisionConnection', nodes: Array<{ __typename?: 'ContentRevision', number: number, locale: string, createdAt: string, createdBy: string | null, note: string | null, live: boolean, data: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type CreateContentPageMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  kind: ContentKind;
  handle?: InputMaybe<Scalars['String']['input']>;
  locale: Scalars['String']['input'];
  data: ContentDataInput;
}>;


export type CreateContentPageMutation = { __typename?: 'Mutation', createContentPage: { __typename?: 'ContentPage', id: string, kind: ContentKind, handle: string, url: string, startsAt: string | null, endsAt: string | null, promotionIds: Array<string>, tags: Array<string>, createdAt: string, updatedAt: string, locales: Array<{ __typename?: 'ContentLocale', locale: string, status: ContentStatus, draftSavedAt: string | null, draftVersion: number, publishedAt: string | null, publishedRevision: number | null, scheduledAt: string | null, scheduledRevision: number | null, draft: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null, published: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null }> } };

export type UpdateContentPageMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  handle?: InputMaybe<Scalars['String']['input']>;
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  endsAt?: InputMaybe<Scalars['DateTime']['input']>;
  tags?: InputMaybe<Array<Scalars['String']['input']> | Scalars['String']['input']>;
}>;


export type UpdateContentPageMutation = { __typename?: 'Mutation', updateContentPage: { __typename?: 'ContentPage', id: string, kind: ContentKind, handle: string, url: string, startsAt: string | null, endsAt: string | null, promotionIds: Array<string>, tags: Array<string>, createdAt: string, updatedAt: string, locales: Array<{ __typename?: 'ContentLocale', locale: string, status: ContentStatus, draftSavedAt: string | null, draftVersion: number, publishedAt: string | null, publishedRevision: number | null, scheduledAt: string | null, scheduledRevision: number | null, draft: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null, published: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null }> } };

export type SaveContentDraftMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
  data: ContentDataInput;
  draftVersion?: InputMaybe<Scalars['Int']['input']>;
}>;


export type SaveContentDraftMutation = { __typename?: 'Mutation', saveContentDraft: { __typename?: 'ContentPage', id: string, kind: ContentKind, handle: string, url: string, startsAt: string | null, endsAt: string | null, promotionIds: Array<string>, tags: Array<string>, createdAt: string, updatedAt: string, locales: Array<{ __typename?: 'ContentLocale', locale: string, status: ContentStatus, draftSavedAt: string | null, draftVersion: number, publishedAt: string | null, publishedRevision: number | null, scheduledAt: string | null, scheduledRevision: number | null, draft: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null, published: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null }> } };

export type PublishContentMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
  at?: InputMaybe<Scalars['DateTime']['input']>;
}>;


export type PublishContentMutation = { __typename?: 'Mutation', publishContent: { __typename?: 'ContentPage', id: string, kind: ContentKind, handle: string, url: string, startsAt: string | null, endsAt: string | null, promotionIds: Array<string>, tags: Array<string>, createdAt: string, updatedAt: string, locales: Array<{ __typename?: 'ContentLocale', locale: string, status: ContentStatus, draftSavedAt: string | null, draftVersion: number, publishedAt: string | null, publishedRevision: number | null, scheduledAt: string | null, scheduledRevision: number | null, draft: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null, published: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null }> } };

export type CancelScheduledContentMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
}>;


export type CancelScheduledContentMutation = { __typename?: 'Mutation', cancelScheduledContent: { __typename?: 'ContentPage', id: string, kind: ContentKind, handle: string, url: string, startsAt: string | null, endsAt: string | null, promotionIds: Array<string>, tags: Array<string>, createdAt: string, updatedAt: string, locales: Array<{ __typename?: 'ContentLocale', locale: string, status: ContentStatus, draftSavedAt: string | null, draftVersion: number, publishedAt: string | null, publishedRevision: number | null, scheduledAt: string | null, scheduledRevision: number | null, draft: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null, published: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null }> } };

export type UnpublishContentMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
}>;


export type UnpublishContentMutation = { __typename?: 'Mutation', unpublishContent: { __typename?: 'ContentPage', id: string, kind: ContentKind, handle: string, url: string, startsAt: string | null, endsAt: string | null, promotionIds: Array<string>, tags: Array<string>, createdAt: string, updatedAt: string, locales: Array<{ __typename?: 'ContentLocale', locale: string, status: ContentStatus, draftSavedAt: string | null, draftVersion: number, publishedAt: string | null, publishedRevision: number | null, scheduledAt: string | null, scheduledRevision: number | null, draft: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null, published: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null }> } };

export type RestoreContentRevisionMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
  number: Scalars['Int']['input'];
}>;


export type RestoreContentRevisionMutation = { __typename?: 'Mutation', restoreContentRevision: { __typename?: 'ContentPage', id: string, kind: ContentKind, handle: string, url: string, startsAt: string | null, endsAt: string | null, promotionIds: Array<string>, tags: Array<string>, createdAt: string, updatedAt: string, locales: Array<{ __typename?: 'ContentLocale', locale: string, status: ContentStatus, draftSavedAt: string | null, draftVersion: number, publishedAt: string | null, publishedRevision: number | null, scheduledAt: string | null, scheduledRevision: number | null, draft: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null, published: { __typename?: 'ContentData', title: string, seoTitle: string | null, seoDescription: string | null, bodyHtml: string | null, excerpt: string | null, cover: string | null, blocks: Array<{ __typename?: 'ContentBlock', id: string, type: string, settings: unknown }> } | null }> } };

export type DeleteContentPageMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type DeleteContentPageMutation = { __typename?: 'Mutation', deleteContentPage: boolean };

export type ContentPreviewLinkMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  locale: Scalars['String']['input'];
}>;


export type ContentPreviewLinkMutation = { __typename?: 'Mutation', contentPreviewLink: { __typename?: 'PreviewLink', url: string, expiresAt: string } };

export type ShopOverviewQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
}>;


export type ShopOverviewQuery = { __typename?: 'Query', shopOverview: { __typename?: 'ShopOverview', siteUrl: string, siteQrSvg: string, productsPublished: number, pagesPublished: number, lastSync: { __typename?: 'LastSync', at: string, status: SyncRunStatus, source: string, errorCode: string | null, error: string | null, summary: Array<{ __typename?: 'SyncCounts', entity: string, created: number, updated: number, unchanged: number, removed: number, failed: number }> } | null, steps: Array<{ __typename?: 'OnboardingStep', key: OnboardingStepKey, done: boolean, available: boolean }> } };

export type JobFieldsFragment = { __typename?: 'Job', id: string, kind: string, state: JobState, attempts: number, maxAttempts: number, result: unknown | null, lastError: string | null, cancelRequested: boolean, runAt: string, createdAt: string, startedAt: string | null, finishedAt: string | null, progress: { __typename?: 'JobProgress', done: number, total: number | null, fraction: number | null, message: string | null } | null, errors: Array<{ __typename?: 'JobAttemptError', attempt: number, at: string | null, message: string }> };

export type JobQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type JobQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, job: { __typename?: 'Job', id: string, kind: string, state: JobState, attempts: number, maxAttempts: number, result: unknown | null, lastError: string | null, cancelRequested: boolean, runAt: string, createdAt: string, startedAt: string | null, finishedAt: string | null, progress: { __typename?: 'JobProgress', done: number, total: number | null, fraction: number | null, message: string | null } | null, errors: Array<{ __typename?: 'JobAttemptError', attempt: number, at: string | null, message: string }> } | null } };

export type RetryJobMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type RetryJobMutation = { __typename?: 'Mutation', retryJob: { __typename?: 'Job', id: string, kind: string, state: JobState, attempts: number, maxAttempts: number, result: unknown | null, lastError: string | null, cancelRequested: boolean, runAt: string, createdAt: string, startedAt: string | null, finishedAt: string | null, progress: { __typename?: 'JobProgress', done: number, total: number | null, fraction: number | null, message: string | null } | null, errors: Array<{ __typename?: 'JobAttemptError', attempt: number, at: string | null, message: string }> } };

export type CancelJobMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type CancelJobMutation = { __typename?: 'Mutation', cancelJob: { __typename?: 'Job', id: string, kind: string, state: JobState, attempts: number, maxAttempts: number, result: unknown | null, lastError: string | null, cancelRequested: boolean, runAt: string, createdAt: string, startedAt: string | null, finishedAt: string | null, progress: { __typename?: 'JobProgress', done: number, total: number | null, fraction: number | null, message: string | null } | null, errors: Array<{ __typename?: 'JobAttemptError', attempt: number, at: string | null, message: string }> } };

export type SyncCatalogMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  source: Scalars['String']['input'];
}>;


export type SyncCatalogMutation = { __typename?: 'Mutation', syncCatalog: { __typename?: 'Job', id: string, kind: string, state: JobState, attempts: number, maxAttempts: number, result: unknown | null, lastError: string | null, cancelRequested: boolean, runAt: string, createdAt: string, startedAt: string | null, finishedAt: string | null, progress: { __typename?: 'JobProgress', done: number, total: number | null, fraction: number | null, message: string | null } | null, errors: Array<{ __typename?: 'JobAttemptError', attempt: number, at: string | null, message: string }> } };

export type MediaAssetFieldsFragment = { __typename?: 'MediaAsset', id: string, url: string, thumbnailUrl: string, width: number, height: number, contentType: string, size: number, filename: string, alt: string, createdAt: string };

export type MediaAssetsQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
}>;


export type MediaAssetsQuery = { __typename?: 'Query', mediaAssets: { __typename?: 'MediaAssetConnection', nodes: Array<{ __typename?: 'MediaAsset', id: string, url: string, thumbnailUrl: string, width: number, height: number, contentType: string, size: number, filename: string, alt: string, createdAt: string }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type UpdateMediaAssetMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
  alt: Scalars['String']['input'];
}>;


export type UpdateMediaAssetMutation = { __typename?: 'Mutation', updateMediaAsset: { __typename?: 'MediaAsset', id: string, url: string, thumbnailUrl: string, width: number, height: number, contentType: string, size: number, filename: string, alt: string, createdAt: string } };

export type DeleteMediaAssetMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type DeleteMediaAssetMutation = { __typename?: 'Mutation', deleteMediaAsset: boolean };

export type ViewerRoleQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerRoleQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string, isOperator: boolean } | null };

export type OperatorShopFieldsFragment = { __typename?: 'OperatorShop', suspended: boolean, suspendedReason: string | null, suspendedAt: string | null, shop: { __typename?: 'Shop', id: string, slug: string, name: string, createdAt: string }, sources: Array<{ __typename?: 'OperatorSourceState', plugin: string, title: string, enabled: boolean, connected: boolean, health: PluginHealth, lastError: string | null, lastSyncAt: string | null, lastSyncState: string | null }>, pluginErrors: Array<{ __typename?: 'OperatorPluginError', plugin: string, lastError: string, lastErrorAt: string | null }> };

export type OperatorShopsQueryVariables = Exact<{
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
  problemsOnly?: InputMaybe<Scalars['Boolean']['input']>;
}>;


export type OperatorShopsQuery = { __typename?: 'Query', operatorShops: { __typename?: 'OperatorShopConnection', nodes: Array<{ __typename?: 'OperatorShop', suspended: boolean, suspendedReason: string | null, suspendedAt: string | null, shop: { __typename?: 'Shop', id: string, slug: string, name: string, createdAt: string }, sources: Array<{ __typename?: 'OperatorSourceState', plugin: string, title: string, enabled: boolean, connected: boolean, health: PluginHealth, lastError: string | null, lastSyncAt: string | null, lastSyncState: string | null }>, pluginErrors: Array<{ __typename?: 'OperatorPluginError', plugin: string, lastError: string, lastErrorAt: string | null }> }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } };

export type SuspendShopMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
}>;


export type SuspendShopMutation = { __typename?: 'Mutation', suspendShop: { __typename?: 'OperatorShop', suspended: boolean, suspendedReason: string | null, suspendedAt: string | null, shop: { __typename?: 'Shop', id: string, slug: string, name: string, createdAt: string }, sources: Array<{ __typename?: 'OperatorSourceState', plugin: string, title: string, enabled: boolean, connected: boolean, health: PluginHealth, lastError: string | null, lastSyncAt: string | null, lastSyncState: string | null }>, pluginErrors: Array<{ __typename?: 'OperatorPluginError', plugin: string, lastError: string, lastErrorAt: string | null }> } };

export type ResumeShopMutationVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ResumeShopMutation = { __typename?: 'Mutation', resumeShop: { __typename?: 'OperatorShop', suspended: boolean, suspendedReason: string | null, suspendedAt: string | null, shop: { __typename?: 'Shop', id: string, slug: string, name: string, createdAt: string }, sources: Array<{ __typename?: 'OperatorSourceState', plugin: string, title: string, enabled: boolean, connected: boolean, health: PluginHealth, lastError: string | null, lastSyncAt: string | null, lastSyncState: string | null }>, pluginErrors: Array<{ __typename?: 'OperatorPluginError', plugin: string, lastError: string, lastErrorAt: string | null }> } };

export type OperatorPluginFieldsFragment = { __typename?: 'OperatorPlugin', appFields: Array<string>, appConfig: unknown, appSecretsSet: Array<string>, appConfigSchema: unknown, fromSettings: Array<string>, plugin: { __typename?: 'Plugin', name: string, kind: PluginKind, title: string, description: string, version: string } };

export type OperatorPluginsQueryVariables = Exact<{ [key: string]: never; }>;


export type OperatorPluginsQuery = { __typename?: 'Query', operatorPlugins: Array<{ __typename?: 'OperatorPlugin', appFields: Array<string>, appConfig: unknown, appSecretsSet: Array<string>, appConfigSchema: unknown, fromSettings: Array<string>, plugin: { __typename?: 'Plugin', name: string, kind: PluginKind, title: string, description: string, version: string } }> };

export type ConfigureAppPluginMutationVariables = Exact<{
  name: Scalars['String']['input'];
  config: Scalars['JSON']['input'];
  secrets?: InputMaybe<Scalars['JSON']['input']>;
}>;


export type ConfigureAppPluginMutation = { __typename?: 'Mutation', configureAppPlugin: { __typename?: 'OperatorPlugin', appFields: Array<string>, appConfig: unknown, appSecretsSet: Array<string>, appConfigSchema: unknown, fromSettings: Array<string>, plugin: { __typename?: 'Plugin', name: string, kind: PluginKind, title: string, description: string, version: string } } };

export type ProductsQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  sort?: InputMaybe<ProductSort>;
}>;


export type ProductsQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, products: { __typename?: 'ProductConnection', nodes: Array<{ __typename?: 'Product', id: string, source: string, externalId: string, title: string, status: ListingStatus, published: boolean, imageUrls: Array<string>, stock: number | null, sku: string, price: { __typename?: 'Money', amount: string, currencyCode: string } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } } };

export type ProductContentFieldsFragment = { __typename?: 'ProductContent', title: string, description: string, seoTitle: string, seoDescription: string, sortOrder: number, published: boolean, updatedAt: string | null };

export type ProductQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type ProductQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, product: { __typename?: 'Product', id: string, source: string, externalId: string, title: string, marketplaceTitle: string, marketplaceDescription: string, status: ListingStatus, published: boolean, url: string, imageUrls: Array<string>, stock: number | null, sku: string, barcode: string, sourceModifiedAt: string | null, updatedAt: string | null, price: { __typename?: 'Money', amount: string, currencyCode: string }, compareAtPrice: { __typename?: 'Money', amount: string, currencyCode: string } | null, options: Array<{ __typename?: 'ProductOption', name: string, values: Array<string> }>, variants: Array<{ __typename?: 'Variant', id: string, title: string, stock: number | null, sku: string, options: Array<{ __typename?: 'OptionValue', name: string, value: string }>, price: { __typename?: 'Money', amount: string, currencyCode: string }, compareAtPrice: { __typename?: 'Money', amount: string, currencyCode: string } | null }>, content: { __typename?: 'ProductContent', title: string, description: string, seoTitle: string, seoDescription: string, sortOrder: number, published: boolean, updatedAt: string | null } } | null } };

export type UpdateProductContentMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  productId: Scalars['ID']['input'];
  input: ProductContentInput;
}>;


export type UpdateProductContentMutation = { __typename?: 'Mutation', updateProductContent: { __typename?: 'Product', id: string, title: string, published: boolean, content: { __typename?: 'ProductContent', title: string, description: string, seoTitle: string, seoDescription: string, sortOrder: number, published: boolean, updatedAt: string | null } } };

export type SyncRunFieldsFragment = { __typename?: 'SyncRun', id: string, source: string, kind: SyncKind, trigger: string, status: SyncRunStatus, startedAt: string, finishedAt: string | null, durationSeconds: number | null, errorsDropped: number, error: string | null, errorCode: string | null, counts: Array<{ __typename?: 'SyncCounts', entity: string, created: number, updated: number, unchanged: number, removed: number, failed: number }>, errors: Array<{ __typename?: 'SyncIssue', entity: string, reference: string, reason: string }> };

export type SyncOverviewQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
}>;


export type SyncOverviewQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, syncStatus: Array<{ __typename?: 'SourceSyncStatus', source: string, title: string, enabled: boolean, running: boolean, lastSuccessAt: string | null, lastFullAt: string | null, lastError: string | null, lastErrorCode: string | null, lastErrorAt: string | null, lastRun: { __typename?: 'SyncRun', id: string, source: string, kind: SyncKind, trigger: string, status: SyncRunStatus, startedAt: string, finishedAt: string | null, durationSeconds: number | null, errorsDropped: number, error: string | null, errorCode: string | null, counts: Array<{ __typename?: 'SyncCounts', entity: string, created: number, updated: number, unchanged: number, removed: number, failed: number }>, errors: Array<{ __typename?: 'SyncIssue', entity: string, reference: string, reason: string }> } | null }>, syncRuns: { __typename?: 'SyncRunConnection', nodes: Array<{ __typename?: 'SyncRun', id: string, source: string, kind: SyncKind, trigger: string, status: SyncRunStatus, startedAt: string, finishedAt: string | null, durationSeconds: number | null, errorsDropped: number, error: string | null, errorCode: string | null, counts: Array<{ __typename?: 'SyncCounts', entity: string, created: number, updated: number, unchanged: number, removed: number, failed: number }>, errors: Array<{ __typename?: 'SyncIssue', entity: string, reference: string, reason: string }> }> } } };

export type JobsQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  first: Scalars['Int']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
  states?: InputMaybe<Array<JobState> | JobState>;
}>;


export type JobsQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, jobs: { __typename?: 'JobConnection', nodes: Array<{ __typename?: 'Job', id: string, kind: string, state: JobState, attempts: number, maxAttempts: number, result: unknown | null, lastError: string | null, cancelRequested: boolean, runAt: string, createdAt: string, startedAt: string | null, finishedAt: string | null, progress: { __typename?: 'JobProgress', done: number, total: number | null, fraction: number | null, message: string | null } | null, errors: Array<{ __typename?: 'JobAttemptError', attempt: number, at: string | null, message: string }> }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor: string | null } } } };

export type JobSchedulesQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
}>;


export type JobSchedulesQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, schedules: Array<{ __typename?: 'JobSchedule', id: string, kind: string, name: string, payload: unknown, intervalSeconds: number, nextRunAt: string, enabled: boolean, lastEnqueuedAt: string | null }> } };

export type StorefrontKeyFieldsFragment = { __typename?: 'StorefrontKey', id: string, name: string, prefix: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null };

export type AdminTokenFieldsFragment = { __typename?: 'AdminToken', id: string, name: string, prefix: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null };

export type ShopKeysQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
}>;


export type ShopKeysQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, storefrontKeys: Array<{ __typename?: 'StorefrontKey', id: string, name: string, prefix: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }>, adminTokens: Array<{ __typename?: 'AdminToken', id: string, name: string, prefix: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null }> } };

export type CreateStorefrontKeyMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
}>;


export type CreateStorefrontKeyMutation = { __typename?: 'Mutation', createStorefrontKey: { __typename?: 'CreatedStorefrontKey', key: string, storefrontKey: { __typename?: 'StorefrontKey', id: string, name: string, prefix: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type CreateAdminTokenMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  role: Role;
}>;


export type CreateAdminTokenMutation = { __typename?: 'Mutation', createAdminToken: { __typename?: 'CreatedAdminToken', token: string, adminToken: { __typename?: 'AdminToken', id: string, name: string, prefix: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } } };

export type RevokeStorefrontKeyMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type RevokeStorefrontKeyMutation = { __typename?: 'Mutation', revokeStorefrontKey: { __typename?: 'StorefrontKey', id: string, name: string, prefix: string, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type RevokeAdminTokenMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  id: Scalars['ID']['input'];
}>;


export type RevokeAdminTokenMutation = { __typename?: 'Mutation', revokeAdminToken: { __typename?: 'AdminToken', id: string, name: string, prefix: string, role: Role, createdAt: string, lastUsedAt: string | null, revokedAt: string | null } };

export type PluginInfoFragment = { __typename?: 'Plugin', name: string, kind: PluginKind, title: string, description: string, version: string, capabilities: Array<string>, configSchema: unknown, secretFields: Array<string>, supportsAuthorization: boolean };

export type ShopPluginStateFragment = { __typename?: 'ShopPlugin', name: string, enabled: boolean, config?: unknown | null, secretsSet: Array<string>, health: PluginHealth, lastError: string | null, lastErrorAt: string | null, updatedAt: string | null, connected: boolean, accountName: string | null, plugin: { __typename?: 'Plugin', name: string, kind: PluginKind, title: string, description: string, version: string, capabilities: Array<string>, configSchema: unknown, secretFields: Array<string>, supportsAuthorization: boolean } };

export type ShopPluginsQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  canEdit: Scalars['Boolean']['input'];
}>;


export type ShopPluginsQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, plugins: Array<{ __typename?: 'ShopPlugin', name: string, enabled: boolean, config?: unknown | null, secretsSet: Array<string>, health: PluginHealth, lastError: string | null, lastErrorAt: string | null, updatedAt: string | null, connected: boolean, accountName: string | null, plugin: { __typename?: 'Plugin', name: string, kind: PluginKind, title: string, description: string, version: string, capabilities: Array<string>, configSchema: unknown, secretFields: Array<string>, supportsAuthorization: boolean } }> } };

export type PluginCatalogQueryVariables = Exact<{ [key: string]: never; }>;


export type PluginCatalogQuery = { __typename?: 'Query', plugins: Array<{ __typename?: 'Plugin', name: string, kind: PluginKind, title: string, description: string, version: string, capabilities: Array<string>, configSchema: unknown, secretFields: Array<string>, supportsAuthorization: boolean }> };

export type SetPluginEnabledMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  enabled: Scalars['Boolean']['input'];
  canEdit?: Scalars['Boolean']['input'];
}>;


export type SetPluginEnabledMutation = { __typename?: 'Mutation', setPluginEnabled: { __typename?: 'ShopPlugin', name: string, enabled: boolean, config?: unknown | null, secretsSet: Array<string>, health: PluginHealth, lastError: string | null, lastErrorAt: string | null, updatedAt: string | null, connected: boolean, accountName: string | null, plugin: { __typename?: 'Plugin', name: string, kind: PluginKind, title: string, description: string, version: string, capabilities: Array<string>, configSchema: unknown, secretFields: Array<string>, supportsAuthorization: boolean } } };

export type ConfigurePluginMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  config: Scalars['JSON']['input'];
  secrets?: InputMaybe<Scalars['JSON']['input']>;
  canEdit?: Scalars['Boolean']['input'];
}>;


export type ConfigurePluginMutation = { __typename?: 'Mutation', configurePlugin: { __typename?: 'ShopPlugin', name: string, enabled: boolean, config?: unknown | null, secretsSet: Array<string>, health: PluginHealth, lastError: string | null, lastErrorAt: string | null, updatedAt: string | null, connected: boolean, accountName: string | null, plugin: { __typename?: 'Plugin', name: string, kind: PluginKind, title: string, description: string, version: string, capabilities: Array<string>, configSchema: unknown, secretFields: Array<string>, supportsAuthorization: boolean } } };

export type CheckPluginMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  canEdit?: Scalars['Boolean']['input'];
}>;


export type CheckPluginMutation = { __typename?: 'Mutation', checkPlugin: { __typename?: 'ShopPlugin', name: string, enabled: boolean, config?: unknown | null, secretsSet: Array<string>, health: PluginHealth, lastError: string | null, lastErrorAt: string | null, updatedAt: string | null, connected: boolean, accountName: string | null, plugin: { __typename?: 'Plugin', name: string, kind: PluginKind, title: string, description: string, version: string, capabilities: Array<string>, configSchema: unknown, secretFields: Array<string>, supportsAuthorization: boolean } } };

export type StartAuthorizationMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  plugin: Scalars['String']['input'];
}>;


export type StartAuthorizationMutation = { __typename?: 'Mutation', startAuthorization: { __typename?: 'AuthorizationStart', url: string, expiresAt: string } };

export type DisconnectAuthorizationMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  plugin: Scalars['String']['input'];
}>;


export type DisconnectAuthorizationMutation = { __typename?: 'Mutation', disconnectAuthorization: boolean };

export type ShopPluginReadinessFragment = { __typename?: 'ShopPlugin', name: string, configSchema: unknown, operatorManaged: Array<string>, notReadyReason: string | null, notReadyCode: string | null };

export type ShopPluginReadinessQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
}>;


export type ShopPluginReadinessQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, plugins: Array<{ __typename?: 'ShopPlugin', name: string, configSchema: unknown, operatorManaged: Array<string>, notReadyReason: string | null, notReadyCode: string | null }> } };

export type MemberFieldsFragment = { __typename?: 'Member', role: Role, joinedAt: string, user: { __typename?: 'User', id: string, email: string, name: string } };

export type TeamQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
}>;


export type TeamQuery = { __typename?: 'Query', me: { __typename?: 'User', id: string } | null, shop: { __typename?: 'Shop', id: string, members: Array<{ __typename?: 'Member', role: Role, joinedAt: string, user: { __typename?: 'User', id: string, email: string, name: string } }> } };

export type AddMemberMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  email: Scalars['String']['input'];
  role: Role;
}>;


export type AddMemberMutation = { __typename?: 'Mutation', addMember: { __typename?: 'Member', role: Role, joinedAt: string, user: { __typename?: 'User', id: string, email: string, name: string } } };

export type ChangeMemberRoleMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
  role: Role;
}>;


export type ChangeMemberRoleMutation = { __typename?: 'Mutation', changeMemberRole: { __typename?: 'Member', role: Role, joinedAt: string, user: { __typename?: 'User', id: string, email: string, name: string } } };

export type RemoveMemberMutationVariables = Exact<{
  shopId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
}>;


export type RemoveMemberMutation = { __typename?: 'Mutation', removeMember: boolean };

export type ShopSummaryFragment = { __typename?: 'Shop', id: string, slug: string, name: string, currency: string, locale: string, timezone: string, viewerRole: Role };

export type MyShopsQueryVariables = Exact<{ [key: string]: never; }>;


export type MyShopsQuery = { __typename?: 'Query', shops: { __typename?: 'ShopConnection', nodes: Array<{ __typename?: 'Shop', id: string, slug: string, name: string, currency: string, locale: string, timezone: string, viewerRole: Role }> } };

export type ShopQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ShopQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, slug: string, name: string, currency: string, locale: string, timezone: string, viewerRole: Role } };

export type CreateShopMutationVariables = Exact<{
  slug: Scalars['String']['input'];
  input: ShopInput;
}>;


export type CreateShopMutation = { __typename?: 'Mutation', createShop: { __typename?: 'Shop', id: string, slug: string, name: string, currency: string, locale: string, timezone: string, viewerRole: Role } };

export type UpdateShopMutationVariables = Exact<{
  id: Scalars['ID']['input'];
  input: ShopInput;
}>;


export type UpdateShopMutation = { __typename?: 'Mutation', updateShop: { __typename?: 'Shop', id: string, slug: string, name: string, currency: string, locale: string, timezone: string, viewerRole: Role } };

export type ReferenceDataQueryVariables = Exact<{ [key: string]: never; }>;


export type ReferenceDataQuery = { __typename?: 'Query', currencies: Array<string>, locales: Array<string> };

export type ShopSuspensionQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ShopSuspensionQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, suspended: boolean, suspendedReason: string | null } };

export type ShopThemesQueryVariables = Exact<{
  shopId: Scalars['ID']['input'];
  canEdit: Scalars['Boolean']['input'];
}>;


export type ShopThemesQuery = { __typename?: 'Query', shop: { __typename?: 'Shop', id: string, plugins: Array<{ __typename?: 'ShopPlugin', configSchema: unknown, operatorManaged: Array<string>, name: string, enabled: boolean, config?: unknown | null, secretsSet: Array<string>, health: PluginHealth, lastError: string | null, lastErrorAt: string | null, updatedAt: string | null, connected: boolean, accountName: string | null, plugin: { __typename?: 'Plugin', name: string, kind: PluginKind, title: string, description: string, version: string, capabilities: Array<string>, configSchema: unknown, secretFields: Array<string>, supportsAuthorization: boolean } }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ContentDataFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"ContentDataFields"}) as unknown as TypedDocumentString<ContentDataFieldsFragment, unknown>;
export const ContentPageFieldsFragmentDoc = new TypedDocumentString(`
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
}`, {"fragmentName":"ContentPageFields"}) as unknown as TypedDocumentString<ContentPageFieldsFragment, unknown>;
export const JobFieldsFragmentDoc = new TypedDocumentString(`
    fragment JobFields on Job {
  id
  kind
  state
  attempts
  maxAttempts
  progress {
    done
    total
    fraction
    message
  }
  result
  lastError
  errors {
    attempt
    at
    message
  }
  cancelRequested
  runAt
  createdAt
  startedAt
  finishedAt
}
    `, {"fragmentName":"JobFields"}) as unknown as TypedDocumentString<JobFieldsFragment, unknown>;
export const MediaAssetFieldsFragmentDoc = new TypedDocumentString(`
    fragment MediaAssetFields on MediaAsset {
  id
  url
  thumbnailUrl
  width
  height
  contentType
  size
  filename
  alt
  createdAt
}
    `, {"fragmentName":"MediaAssetFields"}) as unknown as TypedDocumentString<MediaAssetFieldsFragment, unknown>;
export const OperatorShopFieldsFragmentDoc = new TypedDocumentString(`
    fragment OperatorShopFields on OperatorShop {
  shop {
    id
    slug
    name
    createdAt
  }
  suspended
  suspendedReason
  suspendedAt
  sources {
    plugin
    title
    enabled
    connected
    health
    lastError
    lastSyncAt
    lastSyncState
  }
  pluginErrors {
    plugin
    lastError
    lastErrorAt
  }
}
    `, {"fragmentName":"OperatorShopFields"}) as unknown as TypedDocumentString<OperatorShopFieldsFragment, unknown>;
export const OperatorPluginFieldsFragmentDoc = new TypedDocumentString(`
    fragment OperatorPluginFields on OperatorPlugin {
  plugin {
    name
    kind
    title
    description
    version
  }
  appFields
  appConfig
  appSecretsSet
  appConfigSchema
  fromSettings
}
    `, {"fragmentName":"OperatorPluginFields"}) as unknown as TypedDocumentString<OperatorPluginFieldsFragment, unknown>;
export const ProductContentFieldsFragmentDoc = new TypedDocumentString(`
    fragment ProductContentFields on ProductContent {
  title
  description
  seoTitle
  seoDescription
  sortOrder
  published
  updatedAt
}
    `, {"fragmentName":"ProductContentFields"}) as unknown as TypedDocumentString<ProductContentFieldsFragment, unknown>;
export const SyncRunFieldsFragmentDoc = new TypedDocumentString(`
    fragment SyncRunFields on SyncRun {
  id
  source
  kind
  trigger
  status
  startedAt
  finishedAt
  durationSeconds
  counts {
    entity
    created
    updated
    unchanged
    removed
    failed
  }
  errors {
    entity
    reference
    reason
  }
  errorsDropped
  error
  errorCode
}
    `, {"fragmentName":"SyncRunFields"}) as unknown as TypedDocumentString<SyncRunFieldsFragment, unknown>;
export const StorefrontKeyFieldsFragmentDoc = new TypedDocumentString(`
    fragment StorefrontKeyFields on StorefrontKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  revokedAt
}
    `, {"fragmentName":"StorefrontKeyFields"}) as unknown as TypedDocumentString<StorefrontKeyFieldsFragment, unknown>;
export const AdminTokenFieldsFragmentDoc = new TypedDocumentString(`
    fragment AdminTokenFields on AdminToken {
  id
  name
  prefix
  role
  createdAt
  lastUsedAt
  revokedAt
}
    `, {"fragmentName":"AdminTokenFields"}) as unknown as TypedDocumentString<AdminTokenFieldsFragment, unknown>;
export const PluginInfoFragmentDoc = new TypedDocumentString(`
    fragment PluginInfo on Plugin {
  name
  kind
  title
  description
  version
  capabilities
  configSchema
  secretFields
  supportsAuthorization
}
    `, {"fragmentName":"PluginInfo"}) as unknown as TypedDocumentString<PluginInfoFragment, unknown>;
export const ShopPluginStateFragmentDoc = new TypedDocumentString(`
    fragment ShopPluginState on ShopPlugin {
  name
  enabled
  config @include(if: $canEdit)
  secretsSet
  health
  lastError
  lastErrorAt
  updatedAt
  connected
  accountName
  plugin {
    ...PluginInfo
  }
}
    fragment PluginInfo on Plugin {
  name
  kind
  title
  description
  version
  capabilities
  configSchema
  secretFields
  supportsAuthorization
}`, {"fragmentName":"ShopPluginState"}) as unknown as TypedDocumentString<ShopPluginStateFragment, unknown>;
export const ShopPluginReadinessFragmentDoc = new TypedDocumentString(`
    fragment ShopPluginReadiness on ShopPlugin {
  name
  configSchema
  operatorManaged
  notReadyReason
  notReadyCode
}
    `, {"fragmentName":"ShopPluginReadiness"}) as unknown as TypedDocumentString<ShopPluginReadinessFragment, unknown>;
export const MemberFieldsFragmentDoc = new TypedDocumentString(`
    fragment MemberFields on Member {
  role
  joinedAt
  user {
    id
    email
    name
  }
}
    `, {"fragmentName":"MemberFields"}) as unknown as TypedDocumentString<MemberFieldsFragment, unknown>;
export const ShopSummaryFragmentDoc = new TypedDocumentString(`
    fragment ShopSummary on Shop {
  id
  slug
  name
  currency
  locale
  timezone
  viewerRole
}
    `, {"fragmentName":"ShopSummary"}) as unknown as TypedDocumentString<ShopSummaryFragment, unknown>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    name
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const LogInDocument = new TypedDocumentString(`
    mutation LogIn($email: String!, $password: String!) {
  logIn(email: $email, password: $password) {
    id
    email
    name
  }
}
    `) as unknown as TypedDocumentString<LogInMutation, LogInMutationVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($email: String!, $password: String!, $name: String!) {
  signUp(email: $email, password: $password, name: $name) {
    id
    email
    name
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const LogOutDocument = new TypedDocumentString(`
    mutation LogOut {
  logOut
}
    `) as unknown as TypedDocumentString<LogOutMutation, LogOutMutationVariables>;
export const ContentPagesDocument = new TypedDocumentString(`
    query ContentPages($shopId: ID!, $kind: ContentKind, $search: String, $first: Int, $after: String) {
  contentPages(
    shopId: $shopId
    kind: $kind
    search: $search
    first: $first
    after: $after
  ) {
    nodes {
      ...ContentPageFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
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
}`) as unknown as TypedDocumentString<ContentPagesQuery, ContentPagesQueryVariables>;
export const ContentEditorDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<ContentEditorQuery, ContentEditorQueryVariables>;
export const ContentRevisionsDocument = new TypedDocumentString(`
    query ContentRevisions($shopId: ID!, $pageId: ID!, $locale: String!, $first: Int, $after: String) {
  contentRevisions(
    shopId: $shopId
    pageId: $pageId
    locale: $locale
    first: $first
    after: $after
  ) {
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
}`) as unknown as TypedDocumentString<ContentRevisionsQuery, ContentRevisionsQueryVariables>;
export const CreateContentPageDocument = new TypedDocumentString(`
    mutation CreateContentPage($shopId: ID!, $kind: ContentKind!, $handle: String, $locale: String!, $data: ContentDataInput!) {
  createContentPage(
    shopId: $shopId
    kind: $kind
    handle: $handle
    locale: $locale
    data: $data
  ) {
    ...ContentPageFields
  }
}
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
}`) as unknown as TypedDocumentString<CreateContentPageMutation, CreateContentPageMutationVariables>;
export const UpdateContentPageDocument = new TypedDocumentString(`
    mutation UpdateContentPage($shopId: ID!, $id: ID!, $handle: String, $startsAt: DateTime, $endsAt: DateTime, $tags: [String!]) {
  updateContentPage(
    shopId: $shopId
    id: $id
    handle: $handle
    startsAt: $startsAt
    endsAt: $endsAt
    tags: $tags
  ) {
    ...ContentPageFields
  }
}
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
}`) as unknown as TypedDocumentString<UpdateContentPageMutation, UpdateContentPageMutationVariables>;
export const SaveContentDraftDocument = new TypedDocumentString(`
    mutation SaveContentDraft($shopId: ID!, $id: ID!, $locale: String!, $data: ContentDataInput!, $draftVersion: Int) {
  saveContentDraft(
    shopId: $shopId
    id: $id
    locale: $locale
    data: $data
    draftVersion: $draftVersion
  ) {
    ...ContentPageFields
  }
}
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
}`) as unknown as TypedDocumentString<SaveContentDraftMutation, SaveContentDraftMutationVariables>;
export const PublishContentDocument = new TypedDocumentString(`
    mutation PublishContent($shopId: ID!, $id: ID!, $locale: String!, $at: DateTime) {
  publishContent(shopId: $shopId, id: $id, locale: $locale, at: $at) {
    ...ContentPageFields
  }
}
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
}`) as unknown as TypedDocumentString<PublishContentMutation, PublishContentMutationVariables>;
export const CancelScheduledContentDocument = new TypedDocumentString(`
    mutation CancelScheduledContent($shopId: ID!, $id: ID!, $locale: String!) {
  cancelScheduledContent(shopId: $shopId, id: $id, locale: $locale) {
    ...ContentPageFields
  }
}
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
}`) as unknown as TypedDocumentString<CancelScheduledContentMutation, CancelScheduledContentMutationVariables>;
export const UnpublishContentDocument = new TypedDocumentString(`
    mutation UnpublishContent($shopId: ID!, $id: ID!, $locale: String!) {
  unpublishContent(shopId: $shopId, id: $id, locale: $locale) {
    ...ContentPageFields
  }
}
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
}`) as unknown as TypedDocumentString<UnpublishContentMutation, UnpublishContentMutationVariables>;
export const RestoreContentRevisionDocument = new TypedDocumentString(`
    mutation RestoreContentRevision($shopId: ID!, $id: ID!, $locale: String!, $number: Int!) {
  restoreContentRevision(
    shopId: $shopId
    id: $id
    locale: $locale
    number: $number
  ) {
    ...ContentPageFields
  }
}
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
}`) as unknown as TypedDocumentString<RestoreContentRevisionMutation, RestoreContentRevisionMutationVariables>;
export const DeleteContentPageDocument = new TypedDocumentString(`
    mutation DeleteContentPage($shopId: ID!, $id: ID!) {
  deleteContentPage(shopId: $shopId, id: $id)
}
    `) as unknown as TypedDocumentString<DeleteContentPageMutation, DeleteContentPageMutationVariables>;
export const ContentPreviewLinkDocument = new TypedDocumentString(`
    mutation ContentPreviewLink($shopId: ID!, $id: ID!, $locale: String!) {
  contentPreviewLink(shopId: $shopId, id: $id, locale: $locale) {
    url
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<ContentPreviewLinkMutation, ContentPreviewLinkMutationVariables>;
export const ShopOverviewDocument = new TypedDocumentString(`
    query ShopOverview($shopId: ID!) {
  shopOverview(shopId: $shopId) {
    siteUrl
    siteQrSvg
    productsPublished
    pagesPublished
    lastSync {
      at
      status
      source
      errorCode
      error
      summary {
        entity
        created
        updated
        unchanged
        removed
        failed
      }
    }
    steps {
      key
      done
      available
    }
  }
}
    `) as unknown as TypedDocumentString<ShopOverviewQuery, ShopOverviewQueryVariables>;
export const JobDocument = new TypedDocumentString(`
    query Job($shopId: ID!, $id: ID!) {
  shop(id: $shopId) {
    id
    job(id: $id) {
      ...JobFields
    }
  }
}
    fragment JobFields on Job {
  id
  kind
  state
  attempts
  maxAttempts
  progress {
    done
    total
    fraction
    message
  }
  result
  lastError
  errors {
    attempt
    at
    message
  }
  cancelRequested
  runAt
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<JobQuery, JobQueryVariables>;
export const RetryJobDocument = new TypedDocumentString(`
    mutation RetryJob($shopId: ID!, $id: ID!) {
  retryJob(shopId: $shopId, id: $id) {
    ...JobFields
  }
}
    fragment JobFields on Job {
  id
  kind
  state
  attempts
  maxAttempts
  progress {
    done
    total
    fraction
    message
  }
  result
  lastError
  errors {
    attempt
    at
    message
  }
  cancelRequested
  runAt
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<RetryJobMutation, RetryJobMutationVariables>;
export const CancelJobDocument = new TypedDocumentString(`
    mutation CancelJob($shopId: ID!, $id: ID!) {
  cancelJob(shopId: $shopId, id: $id) {
    ...JobFields
  }
}
    fragment JobFields on Job {
  id
  kind
  state
  attempts
  maxAttempts
  progress {
    done
    total
    fraction
    message
  }
  result
  lastError
  errors {
    attempt
    at
    message
  }
  cancelRequested
  runAt
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<CancelJobMutation, CancelJobMutationVariables>;
export const SyncCatalogDocument = new TypedDocumentString(`
    mutation SyncCatalog($shopId: ID!, $source: String!) {
  syncCatalog(shopId: $shopId, source: $source) {
    ...JobFields
  }
}
    fragment JobFields on Job {
  id
  kind
  state
  attempts
  maxAttempts
  progress {
    done
    total
    fraction
    message
  }
  result
  lastError
  errors {
    attempt
    at
    message
  }
  cancelRequested
  runAt
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<SyncCatalogMutation, SyncCatalogMutationVariables>;
export const MediaAssetsDocument = new TypedDocumentString(`
    query MediaAssets($shopId: ID!, $first: Int, $after: String, $search: String) {
  mediaAssets(shopId: $shopId, first: $first, after: $after, search: $search) {
    nodes {
      ...MediaAssetFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment MediaAssetFields on MediaAsset {
  id
  url
  thumbnailUrl
  width
  height
  contentType
  size
  filename
  alt
  createdAt
}`) as unknown as TypedDocumentString<MediaAssetsQuery, MediaAssetsQueryVariables>;
export const UpdateMediaAssetDocument = new TypedDocumentString(`
    mutation UpdateMediaAsset($shopId: ID!, $id: ID!, $alt: String!) {
  updateMediaAsset(shopId: $shopId, id: $id, alt: $alt) {
    ...MediaAssetFields
  }
}
    fragment MediaAssetFields on MediaAsset {
  id
  url
  thumbnailUrl
  width
  height
  contentType
  size
  filename
  alt
  createdAt
}`) as unknown as TypedDocumentString<UpdateMediaAssetMutation, UpdateMediaAssetMutationVariables>;
export const DeleteMediaAssetDocument = new TypedDocumentString(`
    mutation DeleteMediaAsset($shopId: ID!, $id: ID!) {
  deleteMediaAsset(shopId: $shopId, id: $id)
}
    `) as unknown as TypedDocumentString<DeleteMediaAssetMutation, DeleteMediaAssetMutationVariables>;
export const ViewerRoleDocument = new TypedDocumentString(`
    query ViewerRole {
  me {
    id
    isOperator
  }
}
    `) as unknown as TypedDocumentString<ViewerRoleQuery, ViewerRoleQueryVariables>;
export const OperatorShopsDocument = new TypedDocumentString(`
    query OperatorShops($first: Int!, $after: String, $search: String, $problemsOnly: Boolean) {
  operatorShops(
    first: $first
    after: $after
    search: $search
    problemsOnly: $problemsOnly
  ) {
    nodes {
      ...OperatorShopFields
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    fragment OperatorShopFields on OperatorShop {
  shop {
    id
    slug
    name
    createdAt
  }
  suspended
  suspendedReason
  suspendedAt
  sources {
    plugin
    title
    enabled
    connected
    health
    lastError
    lastSyncAt
    lastSyncState
  }
  pluginErrors {
    plugin
    lastError
    lastErrorAt
  }
}`) as unknown as TypedDocumentString<OperatorShopsQuery, OperatorShopsQueryVariables>;
export const SuspendShopDocument = new TypedDocumentString(`
    mutation SuspendShop($id: ID!, $reason: String) {
  suspendShop(id: $id, reason: $reason) {
    ...OperatorShopFields
  }
}
    fragment OperatorShopFields on OperatorShop {
  shop {
    id
    slug
    name
    createdAt
  }
  suspended
  suspendedReason
  suspendedAt
  sources {
    plugin
    title
    enabled
    connected
    health
    lastError
    lastSyncAt
    lastSyncState
  }
  pluginErrors {
    plugin
    lastError
    lastErrorAt
  }
}`) as unknown as TypedDocumentString<SuspendShopMutation, SuspendShopMutationVariables>;
export const ResumeShopDocument = new TypedDocumentString(`
    mutation ResumeShop($id: ID!) {
  resumeShop(id: $id) {
    ...OperatorShopFields
  }
}
    fragment OperatorShopFields on OperatorShop {
  shop {
    id
    slug
    name
    createdAt
  }
  suspended
  suspendedReason
  suspendedAt
  sources {
    plugin
    title
    enabled
    connected
    health
    lastError
    lastSyncAt
    lastSyncState
  }
  pluginErrors {
    plugin
    lastError
    lastErrorAt
  }
}`) as unknown as TypedDocumentString<ResumeShopMutation, ResumeShopMutationVariables>;
export const OperatorPluginsDocument = new TypedDocumentString(`
    query OperatorPlugins {
  operatorPlugins {
    ...OperatorPluginFields
  }
}
    fragment OperatorPluginFields on OperatorPlugin {
  plugin {
    name
    kind
    title
    description
    version
  }
  appFields
  appConfig
  appSecretsSet
  appConfigSchema
  fromSettings
}`) as unknown as TypedDocumentString<OperatorPluginsQuery, OperatorPluginsQueryVariables>;
export const ConfigureAppPluginDocument = new TypedDocumentString(`
    mutation ConfigureAppPlugin($name: String!, $config: JSON!, $secrets: JSON) {
  configureAppPlugin(name: $name, config: $config, secrets: $secrets) {
    ...OperatorPluginFields
  }
}
    fragment OperatorPluginFields on OperatorPlugin {
  plugin {
    name
    kind
    title
    description
    version
  }
  appFields
  appConfig
  appSecretsSet
  appConfigSchema
  fromSettings
}`) as unknown as TypedDocumentString<ConfigureAppPluginMutation, ConfigureAppPluginMutationVariables>;
export const ProductsDocument = new TypedDocumentString(`
    query Products($shopId: ID!, $first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {
  shop(id: $shopId) {
    id
    products(first: $first, after: $after, filter: $filter, sort: $sort) {
      nodes {
        id
        source
        externalId
        title
        status
        published
        imageUrls
        price {
          amount
          currencyCode
        }
        stock
        sku
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProductsQuery, ProductsQueryVariables>;
export const ProductDocument = new TypedDocumentString(`
    query Product($shopId: ID!, $id: ID!) {
  shop(id: $shopId) {
    id
    product(id: $id) {
      id
      source
      externalId
      title
      marketplaceTitle
      marketplaceDescription
      status
      published
      url
      imageUrls
      price {
        amount
        currencyCode
      }
      compareAtPrice {
        amount
        currencyCode
      }
      stock
      sku
      barcode
      options {
        name
        values
      }
      variants {
        id
        title
        options {
          name
          value
        }
        price {
          amount
          currencyCode
        }
        compareAtPrice {
          amount
          currencyCode
        }
        stock
        sku
      }
      content {
        ...ProductContentFields
      }
      sourceModifiedAt
      updatedAt
    }
  }
}
    fragment ProductContentFields on ProductContent {
  title
  description
  seoTitle
  seoDescription
  sortOrder
  published
  updatedAt
}`) as unknown as TypedDocumentString<ProductQuery, ProductQueryVariables>;
export const UpdateProductContentDocument = new TypedDocumentString(`
    mutation UpdateProductContent($shopId: ID!, $productId: ID!, $input: ProductContentInput!) {
  updateProductContent(shopId: $shopId, productId: $productId, input: $input) {
    id
    title
    published
    content {
      ...ProductContentFields
    }
  }
}
    fragment ProductContentFields on ProductContent {
  title
  description
  seoTitle
  seoDescription
  sortOrder
  published
  updatedAt
}`) as unknown as TypedDocumentString<UpdateProductContentMutation, UpdateProductContentMutationVariables>;
export const SyncOverviewDocument = new TypedDocumentString(`
    query SyncOverview($shopId: ID!, $first: Int!) {
  shop(id: $shopId) {
    id
    syncStatus {
      source
      title
      enabled
      running
      lastSuccessAt
      lastFullAt
      lastError
      lastErrorCode
      lastErrorAt
      lastRun {
        ...SyncRunFields
      }
    }
    syncRuns(first: $first) {
      nodes {
        ...SyncRunFields
      }
    }
  }
}
    fragment SyncRunFields on SyncRun {
  id
  source
  kind
  trigger
  status
  startedAt
  finishedAt
  durationSeconds
  counts {
    entity
    created
    updated
    unchanged
    removed
    failed
  }
  errors {
    entity
    reference
    reason
  }
  errorsDropped
  error
  errorCode
}`) as unknown as TypedDocumentString<SyncOverviewQuery, SyncOverviewQueryVariables>;
export const JobsDocument = new TypedDocumentString(`
    query Jobs($shopId: ID!, $first: Int!, $after: String, $states: [JobState!]) {
  shop(id: $shopId) {
    id
    jobs(first: $first, after: $after, states: $states) {
      nodes {
        ...JobFields
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
}
    fragment JobFields on Job {
  id
  kind
  state
  attempts
  maxAttempts
  progress {
    done
    total
    fraction
    message
  }
  result
  lastError
  errors {
    attempt
    at
    message
  }
  cancelRequested
  runAt
  createdAt
  startedAt
  finishedAt
}`) as unknown as TypedDocumentString<JobsQuery, JobsQueryVariables>;
export const JobSchedulesDocument = new TypedDocumentString(`
    query JobSchedules($shopId: ID!) {
  shop(id: $shopId) {
    id
    schedules {
      id
      kind
      name
      payload
      intervalSeconds
      nextRunAt
      enabled
      lastEnqueuedAt
    }
  }
}
    `) as unknown as TypedDocumentString<JobSchedulesQuery, JobSchedulesQueryVariables>;
export const ShopKeysDocument = new TypedDocumentString(`
    query ShopKeys($shopId: ID!) {
  shop(id: $shopId) {
    id
    storefrontKeys {
      ...StorefrontKeyFields
    }
    adminTokens {
      ...AdminTokenFields
    }
  }
}
    fragment StorefrontKeyFields on StorefrontKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  revokedAt
}
fragment AdminTokenFields on AdminToken {
  id
  name
  prefix
  role
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<ShopKeysQuery, ShopKeysQueryVariables>;
export const CreateStorefrontKeyDocument = new TypedDocumentString(`
    mutation CreateStorefrontKey($shopId: ID!, $name: String!) {
  createStorefrontKey(shopId: $shopId, name: $name) {
    key
    storefrontKey {
      ...StorefrontKeyFields
    }
  }
}
    fragment StorefrontKeyFields on StorefrontKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<CreateStorefrontKeyMutation, CreateStorefrontKeyMutationVariables>;
export const CreateAdminTokenDocument = new TypedDocumentString(`
    mutation CreateAdminToken($shopId: ID!, $name: String!, $role: Role!) {
  createAdminToken(shopId: $shopId, name: $name, role: $role) {
    token
    adminToken {
      ...AdminTokenFields
    }
  }
}
    fragment AdminTokenFields on AdminToken {
  id
  name
  prefix
  role
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<CreateAdminTokenMutation, CreateAdminTokenMutationVariables>;
export const RevokeStorefrontKeyDocument = new TypedDocumentString(`
    mutation RevokeStorefrontKey($shopId: ID!, $id: ID!) {
  revokeStorefrontKey(shopId: $shopId, id: $id) {
    ...StorefrontKeyFields
  }
}
    fragment StorefrontKeyFields on StorefrontKey {
  id
  name
  prefix
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RevokeStorefrontKeyMutation, RevokeStorefrontKeyMutationVariables>;
export const RevokeAdminTokenDocument = new TypedDocumentString(`
    mutation RevokeAdminToken($shopId: ID!, $id: ID!) {
  revokeAdminToken(shopId: $shopId, id: $id) {
    ...AdminTokenFields
  }
}
    fragment AdminTokenFields on AdminToken {
  id
  name
  prefix
  role
  createdAt
  lastUsedAt
  revokedAt
}`) as unknown as TypedDocumentString<RevokeAdminTokenMutation, RevokeAdminTokenMutationVariables>;
export const ShopPluginsDocument = new TypedDocumentString(`
    query ShopPlugins($shopId: ID!, $canEdit: Boolean!) {
  shop(id: $shopId) {
    id
    plugins {
      ...ShopPluginState
    }
  }
}
    fragment PluginInfo on Plugin {
  name
  kind
  title
  description
  version
  capabilities
  configSchema
  secretFields
  supportsAuthorization
}
fragment ShopPluginState on ShopPlugin {
  name
  enabled
  config @include(if: $canEdit)
  secretsSet
  health
  lastError
  lastErrorAt
  updatedAt
  connected
  accountName
  plugin {
    ...PluginInfo
  }
}`) as unknown as TypedDocumentString<ShopPluginsQuery, ShopPluginsQueryVariables>;
export const PluginCatalogDocument = new TypedDocumentString(`
    query PluginCatalog {
  plugins {
    ...PluginInfo
  }
}
    fragment PluginInfo on Plugin {
  name
  kind
  title
  description
  version
  capabilities
  configSchema
  secretFields
  supportsAuthorization
}`) as unknown as TypedDocumentString<PluginCatalogQuery, PluginCatalogQueryVariables>;
export const SetPluginEnabledDocument = new TypedDocumentString(`
    mutation SetPluginEnabled($shopId: ID!, $name: String!, $enabled: Boolean!, $canEdit: Boolean! = true) {
  setPluginEnabled(shopId: $shopId, name: $name, enabled: $enabled) {
    ...ShopPluginState
  }
}
    fragment PluginInfo on Plugin {
  name
  kind
  title
  description
  version
  capabilities
  configSchema
  secretFields
  supportsAuthorization
}
fragment ShopPluginState on ShopPlugin {
  name
  enabled
  config @include(if: $canEdit)
  secretsSet
  health
  lastError
  lastErrorAt
  updatedAt
  connected
  accountName
  plugin {
    ...PluginInfo
  }
}`) as unknown as TypedDocumentString<SetPluginEnabledMutation, SetPluginEnabledMutationVariables>;
export const ConfigurePluginDocument = new TypedDocumentString(`
    mutation ConfigurePlugin($shopId: ID!, $name: String!, $config: JSON!, $secrets: JSON, $canEdit: Boolean! = true) {
  configurePlugin(
    shopId: $shopId
    name: $name
    config: $config
    secrets: $secrets
  ) {
    ...ShopPluginState
  }
}
    fragment PluginInfo on Plugin {
  name
  kind
  title
  description
  version
  capabilities
  configSchema
  secretFields
  supportsAuthorization
}
fragment ShopPluginState on ShopPlugin {
  name
  enabled
  config @include(if: $canEdit)
  secretsSet
  health
  lastError
  lastErrorAt
  updatedAt
  connected
  accountName
  plugin {
    ...PluginInfo
  }
}`) as unknown as TypedDocumentString<ConfigurePluginMutation, ConfigurePluginMutationVariables>;
export const CheckPluginDocument = new TypedDocumentString(`
    mutation CheckPlugin($shopId: ID!, $name: String!, $canEdit: Boolean! = true) {
  checkPlugin(shopId: $shopId, name: $name) {
    ...ShopPluginState
  }
}
    fragment PluginInfo on Plugin {
  name
  kind
  title
  description
  version
  capabilities
  configSchema
  secretFields
  supportsAuthorization
}
fragment ShopPluginState on ShopPlugin {
  name
  enabled
  config @include(if: $canEdit)
  secretsSet
  health
  lastError
  lastErrorAt
  updatedAt
  connected
  accountName
  plugin {
    ...PluginInfo
  }
}`) as unknown as TypedDocumentString<CheckPluginMutation, CheckPluginMutationVariables>;
export const StartAuthorizationDocument = new TypedDocumentString(`
    mutation StartAuthorization($shopId: ID!, $plugin: String!) {
  startAuthorization(shopId: $shopId, plugin: $plugin) {
    url
    expiresAt
  }
}
    `) as unknown as TypedDocumentString<StartAuthorizationMutation, StartAuthorizationMutationVariables>;
export const DisconnectAuthorizationDocument = new TypedDocumentString(`
    mutation DisconnectAuthorization($shopId: ID!, $plugin: String!) {
  disconnectAuthorization(shopId: $shopId, plugin: $plugin)
}
    `) as unknown as TypedDocumentString<DisconnectAuthorizationMutation, DisconnectAuthorizationMutationVariables>;
export const ShopPluginReadinessDocument = new TypedDocumentString(`
    query ShopPluginReadiness($shopId: ID!) {
  shop(id: $shopId) {
    id
    plugins {
      ...ShopPluginReadiness
    }
  }
}
    fragment ShopPluginReadiness on ShopPlugin {
  name
  configSchema
  operatorManaged
  notReadyReason
  notReadyCode
}`) as unknown as TypedDocumentString<ShopPluginReadinessQuery, ShopPluginReadinessQueryVariables>;
export const TeamDocument = new TypedDocumentString(`
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
    fragment MemberFields on Member {
  role
  joinedAt
  user {
    id
    email
    name
  }
}`) as unknown as TypedDocumentString<TeamQuery, TeamQueryVariables>;
export const AddMemberDocument = new TypedDocumentString(`
    mutation AddMember($shopId: ID!, $email: String!, $role: Role!) {
  addMember(shopId: $shopId, email: $email, role: $role) {
    ...MemberFields
  }
}
    fragment MemberFields on Member {
  role
  joinedAt
  user {
    id
    email
    name
  }
}`) as unknown as TypedDocumentString<AddMemberMutation, AddMemberMutationVariables>;
export const ChangeMemberRoleDocument = new TypedDocumentString(`
    mutation ChangeMemberRole($shopId: ID!, $userId: ID!, $role: Role!) {
  changeMemberRole(shopId: $shopId, userId: $userId, role: $role) {
    ...MemberFields
  }
}
    fragment MemberFields on Member {
  role
  joinedAt
  user {
    id
    email
    name
  }
}`) as unknown as TypedDocumentString<ChangeMemberRoleMutation, ChangeMemberRoleMutationVariables>;
export const RemoveMemberDocument = new TypedDocumentString(`
    mutation RemoveMember($shopId: ID!, $userId: ID!) {
  removeMember(shopId: $shopId, userId: $userId)
}
    `) as unknown as TypedDocumentString<RemoveMemberMutation, RemoveMemberMutationVariables>;
export const MyShopsDocument = new TypedDocumentString(`
    query MyShops {
  shops(first: 100) {
    nodes {
      ...ShopSummary
    }
  }
}
    fragment ShopSummary on Shop {
  id
  slug
  name
  currency
  locale
  timezone
  viewerRole
}`) as unknown as TypedDocumentString<MyShopsQuery, MyShopsQueryVariables>;
export const ShopDocument = new TypedDocumentString(`
    query Shop($id: ID!) {
  shop(id: $id) {
    ...ShopSummary
  }
}
    fragment ShopSummary on Shop {
  id
  slug
  name
  currency
  locale
  timezone
  viewerRole
}`) as unknown as TypedDocumentString<ShopQuery, ShopQueryVariables>;
export const CreateShopDocument = new TypedDocumentString(`
    mutation CreateShop($slug: String!, $input: ShopInput!) {
  createShop(slug: $slug, input: $input) {
    ...ShopSummary
  }
}
    fragment ShopSummary on Shop {
  id
  slug
  name
  currency
  locale
  timezone
  viewerRole
}`) as unknown as TypedDocumentString<CreateShopMutation, CreateShopMutationVariables>;
export const UpdateShopDocument = new TypedDocumentString(`
    mutation UpdateShop($id: ID!, $input: ShopInput!) {
  updateShop(id: $id, input: $input) {
    ...ShopSummary
  }
}
    fragment ShopSummary on Shop {
  id
  slug
  name
  currency
  locale
  timezone
  viewerRole
}`) as unknown as TypedDocumentString<UpdateShopMutation, UpdateShopMutationVariables>;
export const ReferenceDataDocument = new TypedDocumentString(`
    query ReferenceData {
  currencies
  locales
}
    `) as unknown as TypedDocumentString<ReferenceDataQuery, ReferenceDataQueryVariables>;
export const ShopSuspensionDocument = new TypedDocumentString(`
    query ShopSuspension($id: ID!) {
  shop(id: $id) {
    id
    suspended
    suspendedReason
  }
}
    `) as unknown as TypedDocumentString<ShopSuspensionQuery, ShopSuspensionQueryVariables>;
export const ShopThemesDocument = new TypedDocumentString(`
    query ShopThemes($shopId: ID!, $canEdit: Boolean!) {
  shop(id: $shopId) {
    id
    plugins(kind: THEME) {
      ...ShopPluginState
      configSchema
      operatorManaged
    }
  }
}
    fragment PluginInfo on Plugin {
  name
  kind
  title
  description
  version
  capabilities
  configSchema
  secretFields
  supportsAuthorization
}
fragment ShopPluginState on ShopPlugin {
  name
  enabled
  config @include(if: $canEdit)
  secretsSet
  health
  lastError
  lastErrorAt
  updatedAt
  connected
  accountName
  plugin {
    ...PluginInfo
  }
}`) as unknown as TypedDocumentString<ShopThemesQuery, ShopThemesQueryVariables>;