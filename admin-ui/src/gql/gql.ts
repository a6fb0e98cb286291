/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me {\n      id\n      email\n      name\n    }\n  }\n": typeof types.MeDocument,
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      id\n      email\n      name\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation SignUp($email: String!, $password: String!, $name: String!) {\n    signUp(email: $email, password: $password, name: $name) {\n      id\n      email\n      name\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": typeof types.LogOutDocument,
    "\n  fragment ContentDataFields on ContentData {\n    title\n    seoTitle\n    seoDescription\n    blocks {\n      id\n      type\n      settings\n    }\n    bodyHtml\n    excerpt\n    cover\n  }\n": typeof types.ContentDataFieldsFragmentDoc,
    "\n  fragment ContentPageFields on ContentPage {\n    id\n    kind\n    handle\n    url\n    startsAt\n    endsAt\n    promotionIds\n    tags\n    createdAt\n    updatedAt\n    locales {\n      locale\n      status\n      draftSavedAt\n      draftVersion\n      publishedAt\n      publishedRevision\n      scheduledAt\n      scheduledRevision\n      draft {\n        ...ContentDataFields\n      }\n      published {\n        ...ContentDataFields\n      }\n    }\n  }\n": typeof types.ContentPageFieldsFragmentDoc,
    "\n  query ContentPages($shopId: ID!, $kind: ContentKind, $search: String, $first: Int, $after: String) {\n    contentPages(shopId: $shopId, kind: $kind, search: $search, first: $first, after: $after) {\n      nodes {\n        ...ContentPageFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ContentPagesDocument,
    "\n  query ContentEditor($shopId: ID!, $id: ID!) {\n    contentPage(shopId: $shopId, id: $id) {\n      ...ContentPageFields\n    }\n    contentBlockTypes(shopId: $shopId) {\n      type\n      title\n      description\n      schema\n    }\n  }\n": typeof types.ContentEditorDocument,
    "\n  query ContentRevisions($shopId: ID!, $pageId: ID!, $locale: String!, $first: Int, $after: String) {\n    contentRevisions(shopId: $shopId, pageId: $pageId, locale: $locale, first: $first, after: $after) {\n      nodes {\n        number\n        locale\n        createdAt\n        createdBy\n        note\n        live\n        data {\n          ...ContentDataFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ContentRevisionsDocument,
    "\n  mutation CreateContentPage($shopId: ID!, $kind: ContentKind!, $handle: String, $locale: String!, $data: ContentDataInput!) {\n    createContentPage(shopId: $shopId, kind: $kind, handle: $handle, locale: $locale, data: $data) {\n      ...ContentPageFields\n    }\n  }\n": typeof types.CreateContentPageDocument,
    "\n  mutation UpdateContentPage($shopId: ID!, $id: ID!, $handle: String, $startsAt: DateTime, $endsAt: DateTime, $tags: [String!]) {\n    updateContentPage(shopId: $shopId, id: $id, handle: $handle, startsAt: $startsAt, endsAt: $endsAt, tags: $tags) {\n      ...ContentPageFields\n    }\n  }\n": typeof types.UpdateContentPageDocument,
    "\n  mutation SaveContentDraft($shopId: ID!, $id: ID!, $locale: String!, $data: ContentDataInput!, $draftVersion: Int) {\n    saveContentDraft(shopId: $shopId, id: $id, locale: $locale, data: $data, draftVersion: $draftVersion) {\n      ...ContentPageFields\n    }\n  }\n": typeof types.SaveContentDraftDocument,
    "\n  mutation PublishContent($shopId: ID!, $id: ID!, $locale: String!, $at: DateTime) {\n    publishContent(shopId: $shopId, id: $id, locale: $locale, at: $at) {\n      ...ContentPageFields\n    }\n  }\n": typeof types.PublishContentDocument,
    "\n  mutation CancelScheduledContent($shopId: ID!, $id: ID!, $locale: String!) {\n    cancelScheduledContent(shopId: $shopId, id: $id, locale: $locale) {\n      ...ContentPageFields\n    }\n  }\n": typeof types.CancelScheduledContentDocument,
    "\n  mutation UnpublishContent($shopId: ID!, $id: ID!, $locale: String!) {\n    unpublishContent(shopId: $shopId, id: $id, locale: $locale) {\n      ...ContentPageFields\n    }\n  }\n": typeof types.UnpublishContentDocument,
    "\n  mutation RestoreContentRevision($shopId: ID!, $id: ID!, $locale: String!, $number: Int!) {\n    restoreContentRevision(shopId: $shopId, id: $id, locale: $locale, number: $number) {\n      ...ContentPageFields\n    }\n  }\n": typeof types.RestoreContentRevisionDocument,
    "\n  mutation DeleteContentPage($shopId: ID!, $id: ID!) {\n    deleteContentPage(shopId: $shopId, id: $id)\n  }\n": typeof types.DeleteContentPageDocument,
    "\n  mutation ContentPreviewLink($shopId: ID!, $id: ID!, $locale: String!) {\n    contentPreviewLink(shopId: $shopId, id: $id, locale: $locale) {\n      url\n      expiresAt\n    }\n  }\n": typeof types.ContentPreviewLinkDocument,
    "\n  query ShopOverview($shopId: ID!) {\n    shopOverview(shopId: $shopId) {\n      siteUrl\n      siteQrSvg\n      productsPublished\n      pagesPublished\n      lastSync {\n        at\n        status\n        source\n        errorCode\n        error\n        summary {\n          entity\n          created\n          updated\n          unchanged\n          removed\n          failed\n        }\n      }\n      steps {\n        key\n        done\n        available\n      }\n    }\n  }\n": typeof types.ShopOverviewDocument,
    "\n  fragment JobFields on Job {\n    id\n    kind\n    state\n    attempts\n    maxAttempts\n    progress {\n      done\n      total\n      fraction\n      message\n    }\n    result\n    lastError\n    errors {\n      attempt\n      at\n      message\n    }\n    cancelRequested\n    runAt\n    createdAt\n    startedAt\n    finishedAt\n  }\n": typeof types.JobFieldsFragmentDoc,
    "\n  query Job($shopId: ID!, $id: ID!) {\n    shop(id: $shopId) {\n      id\n      job(id: $id) {\n        ...JobFields\n      }\n    }\n  }\n": typeof types.JobDocument,
    "\n  mutation RetryJob($shopId: ID!, $id: ID!) {\n    retryJob(shopId: $shopId, id: $id) {\n      ...JobFields\n    }\n  }\n": typeof types.RetryJobDocument,
    "\n  mutation CancelJob($shopId: ID!, $id: ID!) {\n    cancelJob(shopId: $shopId, id: $id) {\n      ...JobFields\n    }\n  }\n": typeof types.CancelJobDocument,
    "\n  mutation SyncCatalog($shopId: ID!, $source: String!) {\n    syncCatalog(shopId: $shopId, source: $source) {\n      ...JobFields\n    }\n  }\n": typeof types.SyncCatalogDocument,
    "\n  fragment MediaAssetFields on MediaAsset {\n    id\n    url\n    thumbnailUrl\n    width\n    height\n    contentType\n    size\n    filename\n    alt\n    createdAt\n  }\n": typeof types.MediaAssetFieldsFragmentDoc,
    "\n  query MediaAssets($shopId: ID!, $first: Int, $after: String, $search: String) {\n    mediaAssets(shopId: $shopId, first: $first, after: $after, search: $search) {\n      nodes {\n        ...MediaAssetFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.MediaAssetsDocument,
    "\n  mutation UpdateMediaAsset($shopId: ID!, $id: ID!, $alt: String!) {\n    updateMediaAsset(shopId: $shopId, id: $id, alt: $alt) {\n      ...MediaAssetFields\n    }\n  }\n": typeof types.UpdateMediaAssetDocument,
    "\n  mutation DeleteMediaAsset($shopId: ID!, $id: ID!) {\n    deleteMediaAsset(shopId: $shopId, id: $id)\n  }\n": typeof types.DeleteMediaAssetDocument,
    "\n  query ViewerRole {\n    me {\n      id\n      isOperator\n    }\n  }\n": typeof types.ViewerRoleDocument,
    "\n  fragment OperatorShopFields on OperatorShop {\n    shop {\n      id\n      slug\n      name\n      createdAt\n    }\n    suspended\n    suspendedReason\n    suspendedAt\n    sources {\n      plugin\n      title\n      enabled\n      connected\n      health\n      lastError\n      lastSyncAt\n      lastSyncState\n    }\n    pluginErrors {\n      plugin\n      lastError\n      lastErrorAt\n    }\n  }\n": typeof types.OperatorShopFieldsFragmentDoc,
    "\n  query OperatorShops($first: Int!, $after: String, $search: String, $problemsOnly: Boolean) {\n    operatorShops(first: $first, after: $after, search: $search, problemsOnly: $problemsOnly) {\n      nodes {\n        ...OperatorShopFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OperatorShopsDocument,
    "\n  mutation SuspendShop($id: ID!, $reason: String) {\n    suspendShop(id: $id, reason: $reason) {\n      ...OperatorShopFields\n    }\n  }\n": typeof types.SuspendShopDocument,
    "\n  mutation ResumeShop($id: ID!) {\n    resumeShop(id: $id) {\n      ...OperatorShopFields\n    }\n  }\n": typeof types.ResumeShopDocument,
    "\n  fragment OperatorPluginFields on OperatorPlugin {\n    plugin {\n      name\n      kind\n      title\n      description\n      version\n    }\n    appFields\n    appConfig\n    appSecretsSet\n    appConfigSchema\n    fromSettings\n  }\n": typeof types.OperatorPluginFieldsFragmentDoc,
    "\n  query OperatorPlugins {\n    operatorPlugins {\n      ...OperatorPluginFields\n    }\n  }\n": typeof types.OperatorPluginsDocument,
    "\n  mutation ConfigureAppPlugin($name: String!, $config: JSON!, $secrets: JSON) {\n    configureAppPlugin(name: $name, config: $config, secrets: $secrets) {\n      ...OperatorPluginFields\n    }\n  }\n": typeof types.ConfigureAppPluginDocument,
    "\n  query Products($shopId: ID!, $first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    shop(id: $shopId) {\n      id\n      products(first: $first, after: $after, filter: $filter, sort: $sort) {\n        nodes {\n          id\n          source\n          externalId\n          title\n          status\n          published\n          imageUrls\n          price {\n            amount\n            currencyCode\n          }\n          stock\n          sku\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.ProductsDocument,
    "\n  fragment ProductContentFields on ProductContent {\n    title\n    description\n    seoTitle\n    seoDescription\n    sortOrder\n    published\n    updatedAt\n  }\n": typeof types.ProductContentFieldsFragmentDoc,
    "\n  query Product($shopId: ID!, $id: ID!) {\n    shop(id: $shopId) {\n      id\n      product(id: $id) {\n        id\n        source\n        externalId\n        title\n        marketplaceTitle\n        marketplaceDescription\n        status\n        published\n        url\n        imageUrls\n        price {\n          amount\n          currencyCode\n        }\n        compareAtPrice {\n          amount\n          currencyCode\n        }\n        stock\n        sku\n        barcode\n        options {\n          name\n          values\n        }\n        variants {\n          id\n          title\n          options {\n            name\n            value\n          }\n          price {\n            amount\n            currencyCode\n          }\n          compareAtPrice {\n            amount\n            currencyCode\n          }\n          stock\n          sku\n        }\n        content {\n          ...ProductContentFields\n        }\n        sourceModifiedAt\n        updatedAt\n      }\n    }\n  }\n": typeof types.ProductDocument,
    "\n  mutation UpdateProductContent($shopId: ID!, $productId: ID!, $input: ProductContentInput!) {\n    updateProductContent(shopId: $shopId, productId: $productId, input: $input) {\n      id\n      title\n      published\n      content {\n        ...ProductContentFields\n      }\n    }\n  }\n": typeof types.UpdateProductContentDocument,
    "\n  fragment SyncRunFields on SyncRun {\n    id\n    source\n    kind\n    trigger\n    status\n    startedAt\n    finishedAt\n    durationSeconds\n    counts {\n      entity\n      created\n      updated\n      unchanged\n      removed\n      failed\n    }\n    errors {\n      entity\n      reference\n      reason\n    }\n    errorsDropped\n    error\n    errorCode\n  }\n": typeof types.SyncRunFieldsFragmentDoc,
    "\n  query SyncOverview($shopId: ID!, $first: Int!) {\n    shop(id: $shopId) {\n      id\n      syncStatus {\n        source\n        title\n        enabled\n        running\n        lastSuccessAt\n        lastFullAt\n        lastError\n        lastErrorCode\n        lastErrorAt\n        lastRun {\n          ...SyncRunFields\n        }\n      }\n      syncRuns(first: $first) {\n        nodes {\n          ...SyncRunFields\n        }\n      }\n    }\n  }\n": typeof types.SyncOverviewDocument,
    "\n  query Jobs($shopId: ID!, $first: Int!, $after: String, $states: [JobState!]) {\n    shop(id: $shopId) {\n      id\n      jobs(first: $first, after: $after, states: $states) {\n        nodes {\n          ...JobFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.JobsDocument,
    "\n  query JobSchedules($shopId: ID!) {\n    shop(id: $shopId) {\n      id\n      schedules {\n        id\n        kind\n        name\n        payload\n        intervalSeconds\n        nextRunAt\n        enabled\n        lastEnqueuedAt\n      }\n    }\n  }\n": typeof types.JobSchedulesDocument,
    "\n  fragment StorefrontKeyFields on StorefrontKey {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.StorefrontKeyFieldsFragmentDoc,
    "\n  fragment AdminTokenFields on AdminToken {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": typeof types.AdminTokenFieldsFragmentDoc,
    "\n  query ShopKeys($shopId: ID!) {\n    shop(id: $shopId) {\n      id\n      storefrontKeys {\n        ...StorefrontKeyFields\n      }\n      adminTokens {\n        ...AdminTokenFields\n      }\n    }\n  }\n": typeof types.ShopKeysDocument,
    "\n  mutation CreateStorefrontKey($shopId: ID!, $name: String!) {\n    createStorefrontKey(shopId: $shopId, name: $name) {\n      key\n      storefrontKey {\n        ...StorefrontKeyFields\n      }\n    }\n  }\n": typeof types.CreateStorefrontKeyDocument,
    "\n  mutation CreateAdminToken($shopId: ID!, $name: String!, $role: Role!) {\n    createAdminToken(shopId: $shopId, name: $name, role: $role) {\n      token\n      adminToken {\n        ...AdminTokenFields\n      }\n    }\n  }\n": typeof types.CreateAdminTokenDocument,
    "\n  mutation RevokeStorefrontKey($shopId: ID!, $id: ID!) {\n    revokeStorefrontKey(shopId: $shopId, id: $id) {\n      ...StorefrontKeyFields\n    }\n  }\n": typeof types.RevokeStorefrontKeyDocument,
    "\n  mutation RevokeAdminToken($shopId: ID!, $id: ID!) {\n    revokeAdminToken(shopId: $shopId, id: $id) {\n      ...AdminTokenFields\n    }\n  }\n": typeof types.RevokeAdminTokenDocument,
    "\n  fragment PluginInfo on Plugin {\n    name\n    kind\n    title\n    description\n    version\n    capabilities\n    configSchema\n    secretFields\n    supportsAuthorization\n  }\n": typeof types.PluginInfoFragmentDoc,
    "\n  fragment ShopPluginState on ShopPlugin {\n    name\n    enabled\n    config @include(if: $canEdit)\n    secretsSet\n    health\n    lastError\n    lastErrorAt\n    updatedAt\n    connected\n    accountName\n    plugin {\n      ...PluginInfo\n    }\n  }\n": typeof types.ShopPluginStateFragmentDoc,
    "\n  query ShopPlugins($shopId: ID!, $canEdit: Boolean!) {\n    shop(id: $shopId) {\n      id\n      plugins {\n        ...ShopPluginState\n      }\n    }\n  }\n": typeof types.ShopPluginsDocument,
    "\n  query PluginCatalog {\n    plugins {\n      ...PluginInfo\n    }\n  }\n": typeof types.PluginCatalogDocument,
    "\n  mutation SetPluginEnabled($shopId: ID!, $name: String!, $enabled: Boolean!, $canEdit: Boolean! = true) {\n    setPluginEnabled(shopId: $shopId, name: $name, enabled: $enabled) {\n      ...ShopPluginState\n    }\n  }\n": typeof types.SetPluginEnabledDocument,
    "\n  mutation ConfigurePlugin($shopId: ID!, $name: String!, $config: JSON!, $secrets: JSON, $canEdit: Boolean! = true) {\n    configurePlugin(shopId: $shopId, name: $name, config: $config, secrets: $secrets) {\n      ...ShopPluginState\n    }\n  }\n": typeof types.ConfigurePluginDocument,
    "\n  mutation CheckPlugin($shopId: ID!, $name: String!, $canEdit: Boolean! = true) {\n    checkPlugin(shopId: $shopId, name: $name) {\n      ...ShopPluginState\n    }\n  }\n": typeof types.CheckPluginDocument,
    "\n  mutation StartAuthorization($shopId: ID!, $plugin: String!) {\n    startAuthorization(shopId: $shopId, plugin: $plugin) {\n      url\n      expiresAt\n    }\n  }\n": typeof types.StartAuthorizationDocument,
    "\n  mutation DisconnectAuthorization($shopId: ID!, $plugin: String!) {\n    disconnectAuthorization(shopId: $shopId, plugin: $plugin)\n  }\n": typeof types.DisconnectAuthorizationDocument,
    "\n  fragment ShopPluginReadiness on ShopPlugin {\n    name\n    configSchema\n    operatorManaged\n    notReadyReason\n    notReadyCode\n  }\n": typeof types.ShopPluginReadinessFragmentDoc,
    "\n  query ShopPluginReadiness($shopId: ID!) {\n    shop(id: $shopId) {\n      id\n      plugins {\n        ...ShopPluginReadiness\n      }\n    }\n  }\n": typeof types.ShopPluginReadinessDocument,
    "\n  fragment MemberFields on Member {\n    role\n    joinedAt\n    user {\n      id\n      email\n      name\n    }\n  }\n": typeof types.MemberFieldsFragmentDoc,
    "\n  query Team($shopId: ID!) {\n    me {\n      id\n    }\n    shop(id: $shopId) {\n      id\n      members {\n        ...MemberFields\n      }\n    }\n  }\n": typeof types.TeamDocument,
    "\n  mutation AddMember($shopId: ID!, $email: String!, $role: Role!) {\n    addMember(shopId: $shopId, email: $email, role: $role) {\n      ...MemberFields\n    }\n  }\n": typeof types.AddMemberDocument,
    "\n  mutation ChangeMemberRole($shopId: ID!, $userId: ID!, $role: Role!) {\n    changeMemberRole(shopId: $shopId, userId: $userId, role: $role) {\n      ...MemberFields\n    }\n  }\n": typeof types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($shopId: ID!, $userId: ID!) {\n    removeMember(shopId: $shopId, userId: $userId)\n  }\n": typeof types.RemoveMemberDocument,
    "\n  fragment ShopSummary on Shop {\n    id\n    slug\n    name\n    currency\n    locale\n    timezone\n    viewerRole\n  }\n": typeof types.ShopSummaryFragmentDoc,
    "\n  query MyShops {\n    shops(first: 100) {\n      nodes {\n        ...ShopSummary\n      }\n    }\n  }\n": typeof types.MyShopsDocument,
    "\n  query Shop($id: ID!) {\n    shop(id: $id) {\n      ...ShopSummary\n    }\n  }\n": typeof types.ShopDocument,
    "\n  mutation CreateShop($slug: String!, $input: ShopInput!) {\n    createShop(slug: $slug, input: $input) {\n      ...ShopSummary\n    }\n  }\n": typeof types.CreateShopDocument,
    "\n  mutation UpdateShop($id: ID!, $input: ShopInput!) {\n    updateShop(id: $id, input: $input) {\n      ...ShopSummary\n    }\n  }\n": typeof types.UpdateShopDocument,
    "\n  query ReferenceData {\n    currencies\n    locales\n  }\n": typeof types.ReferenceDataDocument,
    "\n  query ShopSuspension($id: ID!) {\n    shop(id: $id) {\n      id\n      suspended\n      suspendedReason\n    }\n  }\n": typeof types.ShopSuspensionDocument,
    "\n  query ShopThemes($shopId: ID!, $canEdit: Boolean!) {\n    shop(id: $shopId) {\n      id\n      plugins(kind: THEME) {\n        ...ShopPluginState\n        configSchema\n        operatorManaged\n      }\n    }\n  }\n": typeof types.ShopThemesDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me {\n      id\n      email\n      name\n    }\n  }\n": types.MeDocument,
    "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      id\n      email\n      name\n    }\n  }\n": types.LogInDocument,
    "\n  mutation SignUp($email: String!, $password: String!, $name: String!) {\n    signUp(email: $email, password: $password, name: $name) {\n      id\n      email\n      name\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation LogOut {\n    logOut\n  }\n": types.LogOutDocument,
    "\n  fragment ContentDataFields on ContentData {\n    title\n    seoTitle\n    seoDescription\n    blocks {\n      id\n      type\n      settings\n    }\n    bodyHtml\n    excerpt\n    cover\n  }\n": types.ContentDataFieldsFragmentDoc,
    "\n  fragment ContentPageFields on ContentPage {\n    id\n    kind\n    handle\n    url\n    startsAt\n    endsAt\n    promotionIds\n    tags\n    createdAt\n    updatedAt\n    locales {\n      locale\n      status\n      draftSavedAt\n      draftVersion\n      publishedAt\n      publishedRevision\n      scheduledAt\n      scheduledRevision\n      draft {\n        ...ContentDataFields\n      }\n      published {\n        ...ContentDataFields\n      }\n    }\n  }\n": types.ContentPageFieldsFragmentDoc,
    "\n  query ContentPages($shopId: ID!, $kind: ContentKind, $search: String, $first: Int, $after: String) {\n    contentPages(shopId: $shopId, kind: $kind, search: $search, first: $first, after: $after) {\n      nodes {\n        ...ContentPageFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ContentPagesDocument,
    "\n  query ContentEditor($shopId: ID!, $id: ID!) {\n    contentPage(shopId: $shopId, id: $id) {\n      ...ContentPageFields\n    }\n    contentBlockTypes(shopId: $shopId) {\n      type\n      title\n      description\n      schema\n    }\n  }\n": types.ContentEditorDocument,
    "\n  query ContentRevisions($shopId: ID!, $pageId: ID!, $locale: String!, $first: Int, $after: String) {\n    contentRevisions(shopId: $shopId, pageId: $pageId, locale: $locale, first: $first, after: $after) {\n      nodes {\n        number\n        locale\n        createdAt\n        createdBy\n        note\n        live\n        data {\n          ...ContentDataFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ContentRevisionsDocument,
    "\n  mutation CreateContentPage($shopId: ID!, $kind: ContentKind!, $handle: String, $locale: String!, $data: ContentDataInput!) {\n    createContentPage(shopId: $shopId, kind: $kind, handle: $handle, locale: $locale, data: $data) {\n      ...ContentPageFields\n    }\n  }\n": types.CreateContentPageDocument,
    "\n  mutation UpdateContentPage($shopId: ID!, $id: ID!, $handle: String, $startsAt: DateTime, $endsAt: DateTime, $tags: [String!]) {\n    updateContentPage(shopId: $shopId, id: $id, handle: $handle, startsAt: $startsAt, endsAt: $endsAt, tags: $tags) {\n      ...ContentPageFields\n    }\n  }\n": types.UpdateContentPageDocument,
    "\n  mutation SaveContentDraft($shopId: ID!, $id: ID!, $locale: String!, $data: ContentDataInput!, $draftVersion: Int) {\n    saveContentDraft(shopId: $shopId, id: $id, locale: $locale, data: $data, draftVersion: $draftVersion) {\n      ...ContentPageFields\n    }\n  }\n": types.SaveContentDraftDocument,
    "\n  mutation PublishContent($shopId: ID!, $id: ID!, $locale: String!, $at: DateTime) {\n    publishContent(shopId: $shopId, id: $id, locale: $locale, at: $at) {\n      ...ContentPageFields\n    }\n  }\n": types.PublishContentDocument,
    "\n  mutation CancelScheduledContent($shopId: ID!, $id: ID!, $locale: String!) {\n    cancelScheduledContent(shopId: $shopId, id: $id, locale: $locale) {\n      ...ContentPageFields\n    }\n  }\n": types.CancelScheduledContentDocument,
    "\n  mutation UnpublishContent($shopId: ID!, $id: ID!, $locale: String!) {\n    unpublishContent(shopId: $shopId, id: $id, locale: $locale) {\n      ...ContentPageFields\n    }\n  }\n": types.UnpublishContentDocument,
    "\n  mutation RestoreContentRevision($shopId: ID!, $id: ID!, $locale: String!, $number: Int!) {\n    restoreContentRevision(shopId: $shopId, id: $id, locale: $locale, number: $number) {\n      ...ContentPageFields\n    }\n  }\n": types.RestoreContentRevisionDocument,
    "\n  mutation DeleteContentPage($shopId: ID!, $id: ID!) {\n    deleteContentPage(shopId: $shopId, id: $id)\n  }\n": types.DeleteContentPageDocument,
    "\n  mutation ContentPreviewLink($shopId: ID!, $id: ID!, $locale: String!) {\n    contentPreviewLink(shopId: $shopId, id: $id, locale: $locale) {\n      url\n      expiresAt\n    }\n  }\n": types.ContentPreviewLinkDocument,
    "\n  query ShopOverview($shopId: ID!) {\n    shopOverview(shopId: $shopId) {\n      siteUrl\n      siteQrSvg\n      productsPublished\n      pagesPublished\n      lastSync {\n        at\n        status\n        source\n        errorCode\n        error\n        summary {\n          entity\n          created\n          updated\n          unchanged\n          removed\n          failed\n        }\n      }\n      steps {\n        key\n        done\n        available\n      }\n    }\n  }\n": types.ShopOverviewDocument,
    "\n  fragment JobFields on Job {\n    id\n    kind\n    state\n    attempts\n    maxAttempts\n    progress {\n      done\n      total\n      fraction\n      message\n    }\n    result\n    lastError\n    errors {\n      attempt\n      at\n      message\n    }\n    cancelRequested\n    runAt\n    createdAt\n    startedAt\n    finishedAt\n  }\n": types.JobFieldsFragmentDoc,
    "\n  query Job($shopId: ID!, $id: ID!) {\n    shop(id: $shopId) {\n      id\n      job(id: $id) {\n        ...JobFields\n      }\n    }\n  }\n": types.JobDocument,
    "\n  mutation RetryJob($shopId: ID!, $id: ID!) {\n    retryJob(shopId: $shopId, id: $id) {\n      ...JobFields\n    }\n  }\n": types.RetryJobDocument,
    "\n  mutation CancelJob($shopId: ID!, $id: ID!) {\n    cancelJob(shopId: $shopId, id: $id) {\n      ...JobFields\n    }\n  }\n": types.CancelJobDocument,
    "\n  mutation SyncCatalog($shopId: ID!, $source: String!) {\n    syncCatalog(shopId: $shopId, source: $source) {\n      ...JobFields\n    }\n  }\n": types.SyncCatalogDocument,
    "\n  fragment MediaAssetFields on MediaAsset {\n    id\n    url\n    thumbnailUrl\n    width\n    height\n    contentType\n    size\n    filename\n    alt\n    createdAt\n  }\n": types.MediaAssetFieldsFragmentDoc,
    "\n  query MediaAssets($shopId: ID!, $first: Int, $after: String, $search: String) {\n    mediaAssets(shopId: $shopId, first: $first, after: $after, search: $search) {\n      nodes {\n        ...MediaAssetFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.MediaAssetsDocument,
    "\n  mutation UpdateMediaAsset($shopId: ID!, $id: ID!, $alt: String!) {\n    updateMediaAsset(shopId: $shopId, id: $id, alt: $alt) {\n      ...MediaAssetFields\n    }\n  }\n": types.UpdateMediaAssetDocument,
    "\n  mutation DeleteMediaAsset($shopId: ID!, $id: ID!) {\n    deleteMediaAsset(shopId: $shopId, id: $id)\n  }\n": types.DeleteMediaAssetDocument,
    "\n  query ViewerRole {\n    me {\n      id\n      isOperator\n    }\n  }\n": types.ViewerRoleDocument,
    "\n  fragment OperatorShopFields on OperatorShop {\n    shop {\n      id\n      slug\n      name\n      createdAt\n    }\n    suspended\n    suspendedReason\n    suspendedAt\n    sources {\n      plugin\n      title\n      enabled\n      connected\n      health\n      lastError\n      lastSyncAt\n      lastSyncState\n    }\n    pluginErrors {\n      plugin\n      lastError\n      lastErrorAt\n    }\n  }\n": types.OperatorShopFieldsFragmentDoc,
    "\n  query OperatorShops($first: Int!, $after: String, $search: String, $problemsOnly: Boolean) {\n    operatorShops(first: $first, after: $after, search: $search, problemsOnly: $problemsOnly) {\n      nodes {\n        ...OperatorShopFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OperatorShopsDocument,
    "\n  mutation SuspendShop($id: ID!, $reason: String) {\n    suspendShop(id: $id, reason: $reason) {\n      ...OperatorShopFields\n    }\n  }\n": types.SuspendShopDocument,
    "\n  mutation ResumeShop($id: ID!) {\n    resumeShop(id: $id) {\n      ...OperatorShopFields\n    }\n  }\n": types.ResumeShopDocument,
    "\n  fragment OperatorPluginFields on OperatorPlugin {\n    plugin {\n      name\n      kind\n      title\n      description\n      version\n    }\n    appFields\n    appConfig\n    appSecretsSet\n    appConfigSchema\n    fromSettings\n  }\n": types.OperatorPluginFieldsFragmentDoc,
    "\n  query OperatorPlugins {\n    operatorPlugins {\n      ...OperatorPluginFields\n    }\n  }\n": types.OperatorPluginsDocument,
    "\n  mutation ConfigureAppPlugin($name: String!, $config: JSON!, $secrets: JSON) {\n    configureAppPlugin(name: $name, config: $config, secrets: $secrets) {\n      ...OperatorPluginFields\n    }\n  }\n": types.ConfigureAppPluginDocument,
    "\n  query Products($shopId: ID!, $first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    shop(id: $shopId) {\n      id\n      products(first: $first, after: $after, filter: $filter, sort: $sort) {\n        nodes {\n          id\n          source\n          externalId\n          title\n          status\n          published\n          imageUrls\n          price {\n            amount\n            currencyCode\n          }\n          stock\n          sku\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.ProductsDocument,
    "\n  fragment ProductContentFields on ProductContent {\n    title\n    description\n    seoTitle\n    seoDescription\n    sortOrder\n    published\n    updatedAt\n  }\n": types.ProductContentFieldsFragmentDoc,
    "\n  query Product($shopId: ID!, $id: ID!) {\n    shop(id: $shopId) {\n      id\n      product(id: $id) {\n        id\n        source\n        externalId\n        title\n        marketplaceTitle\n        marketplaceDescription\n        status\n        published\n        url\n        imageUrls\n        price {\n          amount\n          currencyCode\n        }\n        compareAtPrice {\n          amount\n          currencyCode\n        }\n        stock\n        sku\n        barcode\n        options {\n          name\n          values\n        }\n        variants {\n          id\n          title\n          options {\n            name\n            value\n          }\n          price {\n            amount\n            currencyCode\n          }\n          compareAtPrice {\n            amount\n            currencyCode\n          }\n          stock\n          sku\n        }\n        content {\n          ...ProductContentFields\n        }\n        sourceModifiedAt\n        updatedAt\n      }\n    }\n  }\n": types.ProductDocument,
    "\n  mutation UpdateProductContent($shopId: ID!, $productId: ID!, $input: ProductContentInput!) {\n    updateProductContent(shopId: $shopId, productId: $productId, input: $input) {\n      id\n      title\n      published\n      content {\n        ...ProductContentFields\n      }\n    }\n  }\n": types.UpdateProductContentDocument,
    "\n  fragment SyncRunFields on SyncRun {\n    id\n    source\n    kind\n    trigger\n    status\n    startedAt\n    finishedAt\n    durationSeconds\n    counts {\n      entity\n      created\n      updated\n      unchanged\n      removed\n      failed\n    }\n    errors {\n      entity\n      reference\n      reason\n    }\n    errorsDropped\n    error\n    errorCode\n  }\n": types.SyncRunFieldsFragmentDoc,
    "\n  query SyncOverview($shopId: ID!, $first: Int!) {\n    shop(id: $shopId) {\n      id\n      syncStatus {\n        source\n        title\n        enabled\n        running\n        lastSuccessAt\n        lastFullAt\n        lastError\n        lastErrorCode\n        lastErrorAt\n        lastRun {\n          ...SyncRunFields\n        }\n      }\n      syncRuns(first: $first) {\n        nodes {\n          ...SyncRunFields\n        }\n      }\n    }\n  }\n": types.SyncOverviewDocument,
    "\n  query Jobs($shopId: ID!, $first: Int!, $after: String, $states: [JobState!]) {\n    shop(id: $shopId) {\n      id\n      jobs(first: $first, after: $after, states: $states) {\n        nodes {\n          ...JobFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.JobsDocument,
    "\n  query JobSchedules($shopId: ID!) {\n    shop(id: $shopId) {\n      id\n      schedules {\n        id\n        kind\n        name\n        payload\n        intervalSeconds\n        nextRunAt\n        enabled\n        lastEnqueuedAt\n      }\n    }\n  }\n": types.JobSchedulesDocument,
    "\n  fragment StorefrontKeyFields on StorefrontKey {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.StorefrontKeyFieldsFragmentDoc,
    "\n  fragment AdminTokenFields on AdminToken {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n": types.AdminTokenFieldsFragmentDoc,
    "\n  query ShopKeys($shopId: ID!) {\n    shop(id: $shopId) {\n      id\n      storefrontKeys {\n        ...StorefrontKeyFields\n      }\n      adminTokens {\n        ...AdminTokenFields\n      }\n    }\n  }\n": types.ShopKeysDocument,
    "\n  mutation CreateStorefrontKey($shopId: ID!, $name: String!) {\n    createStorefrontKey(shopId: $shopId, name: $name) {\n      key\n      storefrontKey {\n        ...StorefrontKeyFields\n      }\n    }\n  }\n": types.CreateStorefrontKeyDocument,
    "\n  mutation CreateAdminToken($shopId: ID!, $name: String!, $role: Role!) {\n    createAdminToken(shopId: $shopId, name: $name, role: $role) {\n      token\n      adminToken {\n        ...AdminTokenFields\n      }\n    }\n  }\n": types.CreateAdminTokenDocument,
    "\n  mutation RevokeStorefrontKey($shopId: ID!, $id: ID!) {\n    revokeStorefrontKey(shopId: $shopId, id: $id) {\n      ...StorefrontKeyFields\n    }\n  }\n": types.RevokeStorefrontKeyDocument,
    "\n  mutation RevokeAdminToken($shopId: ID!, $id: ID!) {\n    revokeAdminToken(shopId: $shopId, id: $id) {\n      ...AdminTokenFields\n    }\n  }\n": types.RevokeAdminTokenDocument,
    "\n  fragment PluginInfo on Plugin {\n    name\n    kind\n    title\n    description\n    version\n    capabilities\n    configSchema\n    secretFields\n    supportsAuthorization\n  }\n": types.PluginInfoFragmentDoc,
    "\n  fragment ShopPluginState on ShopPlugin {\n    name\n    enabled\n    config @include(if: $canEdit)\n    secretsSet\n    health\n    lastError\n    lastErrorAt\n    updatedAt\n    connected\n    accountName\n    plugin {\n      ...PluginInfo\n    }\n  }\n": types.ShopPluginStateFragmentDoc,
    "\n  query ShopPlugins($shopId: ID!, $canEdit: Boolean!) {\n    shop(id: $shopId) {\n      id\n      plugins {\n        ...ShopPluginState\n      }\n    }\n  }\n": types.ShopPluginsDocument,
    "\n  query PluginCatalog {\n    plugins {\n      ...PluginInfo\n    }\n  }\n": types.PluginCatalogDocument,
    "\n  mutation SetPluginEnabled($shopId: ID!, $name: String!, $enabled: Boolean!, $canEdit: Boolean! = true) {\n    setPluginEnabled(shopId: $shopId, name: $name, enabled: $enabled) {\n      ...ShopPluginState\n    }\n  }\n": types.SetPluginEnabledDocument,
    "\n  mutation ConfigurePlugin($shopId: ID!, $name: String!, $config: JSON!, $secrets: JSON, $canEdit: Boolean! = true) {\n    configurePlugin(shopId: $shopId, name: $name, config: $config, secrets: $secrets) {\n      ...ShopPluginState\n    }\n  }\n": types.ConfigurePluginDocument,
    "\n  mutation CheckPlugin($shopId: ID!, $name: String!, $canEdit: Boolean! = true) {\n    checkPlugin(shopId: $shopId, name: $name) {\n      ...ShopPluginState\n    }\n  }\n": types.CheckPluginDocument,
    "\n  mutation StartAuthorization($shopId: ID!, $plugin: String!) {\n    startAuthorization(shopId: $shopId, plugin: $plugin) {\n      url\n      expiresAt\n    }\n  }\n": types.StartAuthorizationDocument,
    "\n  mutation DisconnectAuthorization($shopId: ID!, $plugin: String!) {\n    disconnectAuthorization(shopId: $shopId, plugin: $plugin)\n  }\n": types.DisconnectAuthorizationDocument,
    "\n  fragment ShopPluginReadiness on ShopPlugin {\n    name\n    configSchema\n    operatorManaged\n    notReadyReason\n    notReadyCode\n  }\n": types.ShopPluginReadinessFragmentDoc,
    "\n  query ShopPluginReadiness($shopId: ID!) {\n    shop(id: $shopId) {\n      id\n      plugins {\n        ...ShopPluginReadiness\n      }\n    }\n  }\n": types.ShopPluginReadinessDocument,
    "\n  fragment MemberFields on Member {\n    role\n    joinedAt\n    user {\n      id\n      email\n      name\n    }\n  }\n": types.MemberFieldsFragmentDoc,
    "\n  query Team($shopId: ID!) {\n    me {\n      id\n    }\n    shop(id: $shopId) {\n      id\n      members {\n        ...MemberFields\n      }\n    }\n  }\n": types.TeamDocument,
    "\n  mutation AddMember($shopId: ID!, $email: String!, $role: Role!) {\n    addMember(shopId: $shopId, email: $email, role: $role) {\n      ...MemberFields\n    }\n  }\n": types.AddMemberDocument,
    "\n  mutation ChangeMemberRole($shopId: ID!, $userId: ID!, $role: Role!) {\n    changeMemberRole(shopId: $shopId, userId: $userId, role: $role) {\n      ...MemberFields\n    }\n  }\n": types.ChangeMemberRoleDocument,
    "\n  mutation RemoveMember($shopId: ID!, $userId: ID!) {\n    removeMember(shopId: $shopId, userId: $userId)\n  }\n": types.RemoveMemberDocument,
    "\n  fragment ShopSummary on Shop {\n    id\n    slug\n    name\n    currency\n    locale\n    timezone\n    viewerRole\n  }\n": types.ShopSummaryFragmentDoc,
    "\n  query MyShops {\n    shops(first: 100) {\n      nodes {\n        ...ShopSummary\n      }\n    }\n  }\n": types.MyShopsDocument,
    "\n  query Shop($id: ID!) {\n    shop(id: $id) {\n      ...ShopSummary\n    }\n  }\n": types.ShopDocument,
    "\n  mutation CreateShop($slug: String!, $input: ShopInput!) {\n    createShop(slug: $slug, input: $input) {\n      ...ShopSummary\n    }\n  }\n": types.CreateShopDocument,
    "\n  mutation UpdateShop($id: ID!, $input: ShopInput!) {\n    updateShop(id: $id, input: $input) {\n      ...ShopSummary\n    }\n  }\n": types.UpdateShopDocument,
    "\n  query ReferenceData {\n    currencies\n    locales\n  }\n": types.ReferenceDataDocument,
    "\n  query ShopSuspension($id: ID!) {\n    shop(id: $id) {\n      id\n      suspended\n      suspendedReason\n    }\n  }\n": types.ShopSuspensionDocument,
    "\n  query ShopThemes($shopId: ID!, $canEdit: Boolean!) {\n    shop(id: $shopId) {\n      id\n      plugins(kind: THEME) {\n        ...ShopPluginState\n        configSchema\n        operatorManaged\n      }\n    }\n  }\n": types.ShopThemesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      email\n      name\n    }\n  }\n"): typeof import('./graphql').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($email: String!, $password: String!) {\n    logIn(email: $email, password: $password) {\n      id\n      email\n      name\n    }\n  }\n"): typeof import('./graphql').LogInDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($email: String!, $password: String!, $name: String!) {\n    signUp(email: $email, password: $password, name: $name) {\n      id\n      email\n      name\n    }\n  }\n"): typeof import('./graphql').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut {\n    logOut\n  }\n"): typeof import('./graphql').LogOutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContentDataFields on ContentData {\n    title\n    seoTitle\n    seoDescription\n    blocks {\n      id\n      type\n      settings\n    }\n    bodyHtml\n    excerpt\n    cover\n  }\n"): typeof import('./graphql').ContentDataFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContentPageFields on ContentPage {\n    id\n    kind\n    handle\n    url\n    startsAt\n    endsAt\n    promotionIds\n    tags\n    createdAt\n    updatedAt\n    locales {\n      locale\n      status\n      draftSavedAt\n      draftVersion\n      publishedAt\n      publishedRevision\n      scheduledAt\n      scheduledRevision\n      draft {\n        ...ContentDataFields\n      }\n      published {\n        ...ContentDataFields\n      }\n    }\n  }\n"): typeof import('./graphql').ContentPageFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContentPages($shopId: ID!, $kind: ContentKind, $search: String, $first: Int, $after: String) {\n    contentPages(shopId: $shopId, kind: $kind, search: $search, first: $first, after: $after) {\n      nodes {\n        ...ContentPageFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ContentPagesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContentEditor($shopId: ID!, $id: ID!) {\n    contentPage(shopId: $shopId, id: $id) {\n      ...ContentPageFields\n    }\n    contentBlockTypes(shopId: $shopId) {\n      type\n      title\n      description\n      schema\n    }\n  }\n"): typeof import('./graphql').ContentEditorDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContentRevisions($shopId: ID!, $pageId: ID!, $locale: String!, $first: Int, $after: String) {\n    contentRevisions(shopId: $shopId, pageId: $pageId, locale: $locale, first: $first, after: $after) {\n      nodes {\n        number\n        locale\n        createdAt\n        createdBy\n        note\n        live\n        data {\n          ...ContentDataFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ContentRevisionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateContentPage($shopId: ID!, $kind: ContentKind!, $handle: String, $locale: String!, $data: ContentDataInput!) {\n    createContentPage(shopId: $shopId, kind: $kind, handle: $handle, locale: $locale, data: $data) {\n      ...ContentPageFields\n    }\n  }\n"): typeof import('./graphql').CreateContentPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateContentPage($shopId: ID!, $id: ID!, $handle: String, $startsAt: DateTime, $endsAt: DateTime, $tags: [String!]) {\n    updateContentPage(shopId: $shopId, id: $id, handle: $handle, startsAt: $startsAt, endsAt: $endsAt, tags: $tags) {\n      ...ContentPageFields\n    }\n  }\n"): typeof import('./graphql').UpdateContentPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveContentDraft($shopId: ID!, $id: ID!, $locale: String!, $data: ContentDataInput!, $draftVersion: Int) {\n    saveContentDraft(shopId: $shopId, id: $id, locale: $locale, data: $data, draftVersion: $draftVersion) {\n      ...ContentPageFields\n    }\n  }\n"): typeof import('./graphql').SaveContentDraftDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishContent($shopId: ID!, $id: ID!, $locale: String!, $at: DateTime) {\n    publishContent(shopId: $shopId, id: $id, locale: $locale, at: $at) {\n      ...ContentPageFields\n    }\n  }\n"): typeof import('./graphql').PublishContentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelScheduledContent($shopId: ID!, $id: ID!, $locale: String!) {\n    cancelScheduledContent(shopId: $shopId, id: $id, locale: $locale) {\n      ...ContentPageFields\n    }\n  }\n"): typeof import('./graphql').CancelScheduledContentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpublishContent($shopId: ID!, $id: ID!, $locale: String!) {\n    unpublishContent(shopId: $shopId, id: $id, locale: $locale) {\n      ...ContentPageFields\n    }\n  }\n"): typeof import('./graphql').UnpublishContentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreContentRevision($shopId: ID!, $id: ID!, $locale: String!, $number: Int!) {\n    restoreContentRevision(shopId: $shopId, id: $id, locale: $locale, number: $number) {\n      ...ContentPageFields\n    }\n  }\n"): typeof import('./graphql').RestoreContentRevisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteContentPage($shopId: ID!, $id: ID!) {\n    deleteContentPage(shopId: $shopId, id: $id)\n  }\n"): typeof import('./graphql').DeleteContentPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ContentPreviewLink($shopId: ID!, $id: ID!, $locale: String!) {\n    contentPreviewLink(shopId: $shopId, id: $id, locale: $locale) {\n      url\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').ContentPreviewLinkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShopOverview($shopId: ID!) {\n    shopOverview(shopId: $shopId) {\n      siteUrl\n      siteQrSvg\n      productsPublished\n      pagesPublished\n      lastSync {\n        at\n        status\n        source\n        errorCode\n        error\n        summary {\n          entity\n          created\n          updated\n          unchanged\n          removed\n          failed\n        }\n      }\n      steps {\n        key\n        done\n        available\n      }\n    }\n  }\n"): typeof import('./graphql').ShopOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment JobFields on Job {\n    id\n    kind\n    state\n    attempts\n    maxAttempts\n    progress {\n      done\n      total\n      fraction\n      message\n    }\n    result\n    lastError\n    errors {\n      attempt\n      at\n      message\n    }\n    cancelRequested\n    runAt\n    createdAt\n    startedAt\n    finishedAt\n  }\n"): typeof import('./graphql').JobFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Job($shopId: ID!, $id: ID!) {\n    shop(id: $shopId) {\n      id\n      job(id: $id) {\n        ...JobFields\n      }\n    }\n  }\n"): typeof import('./graphql').JobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetryJob($shopId: ID!, $id: ID!) {\n    retryJob(shopId: $shopId, id: $id) {\n      ...JobFields\n    }\n  }\n"): typeof import('./graphql').RetryJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelJob($shopId: ID!, $id: ID!) {\n    cancelJob(shopId: $shopId, id: $id) {\n      ...JobFields\n    }\n  }\n"): typeof import('./graphql').CancelJobDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SyncCatalog($shopId: ID!, $source: String!) {\n    syncCatalog(shopId: $shopId, source: $source) {\n      ...JobFields\n    }\n  }\n"): typeof import('./graphql').SyncCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MediaAssetFields on MediaAsset {\n    id\n    url\n    thumbnailUrl\n    width\n    height\n    contentType\n    size\n    filename\n    alt\n    createdAt\n  }\n"): typeof import('./graphql').MediaAssetFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MediaAssets($shopId: ID!, $first: Int, $after: String, $search: String) {\n    mediaAssets(shopId: $shopId, first: $first, after: $after, search: $search) {\n      nodes {\n        ...MediaAssetFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').MediaAssetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMediaAsset($shopId: ID!, $id: ID!, $alt: String!) {\n    updateMediaAsset(shopId: $shopId, id: $id, alt: $alt) {\n      ...MediaAssetFields\n    }\n  }\n"): typeof import('./graphql').UpdateMediaAssetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMediaAsset($shopId: ID!, $id: ID!) {\n    deleteMediaAsset(shopId: $shopId, id: $id)\n  }\n"): typeof import('./graphql').DeleteMediaAssetDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ViewerRole {\n    me {\n      id\n      isOperator\n    }\n  }\n"): typeof import('./graphql').ViewerRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OperatorShopFields on OperatorShop {\n    shop {\n      id\n      slug\n      name\n      createdAt\n    }\n    suspended\n    suspendedReason\n    suspendedAt\n    sources {\n      plugin\n      title\n      enabled\n      connected\n      health\n      lastError\n      lastSyncAt\n      lastSyncState\n    }\n    pluginErrors {\n      plugin\n      lastError\n      lastErrorAt\n    }\n  }\n"): typeof import('./graphql').OperatorShopFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperatorShops($first: Int!, $after: String, $search: String, $problemsOnly: Boolean) {\n    operatorShops(first: $first, after: $after, search: $search, problemsOnly: $problemsOnly) {\n      nodes {\n        ...OperatorShopFields\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').OperatorShopsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendShop($id: ID!, $reason: String) {\n    suspendShop(id: $id, reason: $reason) {\n      ...OperatorShopFields\n    }\n  }\n"): typeof import('./graphql').SuspendShopDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeShop($id: ID!) {\n    resumeShop(id: $id) {\n      ...OperatorShopFields\n    }\n  }\n"): typeof import('./graphql').ResumeShopDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OperatorPluginFields on OperatorPlugin {\n    plugin {\n      name\n      kind\n      title\n      description\n      version\n    }\n    appFields\n    appConfig\n    appSecretsSet\n    appConfigSchema\n    fromSettings\n  }\n"): typeof import('./graphql').OperatorPluginFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperatorPlugins {\n    operatorPlugins {\n      ...OperatorPluginFields\n    }\n  }\n"): typeof import('./graphql').OperatorPluginsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigureAppPlugin($name: String!, $config: JSON!, $secrets: JSON) {\n    configureAppPlugin(name: $name, config: $config, secrets: $secrets) {\n      ...OperatorPluginFields\n    }\n  }\n"): typeof import('./graphql').ConfigureAppPluginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Products($shopId: ID!, $first: Int!, $after: String, $filter: ProductFilter, $sort: ProductSort) {\n    shop(id: $shopId) {\n      id\n      products(first: $first, after: $after, filter: $filter, sort: $sort) {\n        nodes {\n          id\n          source\n          externalId\n          title\n          status\n          published\n          imageUrls\n          price {\n            amount\n            currencyCode\n          }\n          stock\n          sku\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ProductsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductContentFields on ProductContent {\n    title\n    description\n    seoTitle\n    seoDescription\n    sortOrder\n    published\n    updatedAt\n  }\n"): typeof import('./graphql').ProductContentFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Product($shopId: ID!, $id: ID!) {\n    shop(id: $shopId) {\n      id\n      product(id: $id) {\n        id\n        source\n        externalId\n        title\n        marketplaceTitle\n        marketplaceDescription\n        status\n        published\n        url\n        imageUrls\n        price {\n          amount\n          currencyCode\n        }\n        compareAtPrice {\n          amount\n          currencyCode\n        }\n        stock\n        sku\n        barcode\n        options {\n          name\n          values\n        }\n        variants {\n          id\n          title\n          options {\n            name\n            value\n          }\n          price {\n            amount\n            currencyCode\n          }\n          compareAtPrice {\n            amount\n            currencyCode\n          }\n          stock\n          sku\n        }\n        content {\n          ...ProductContentFields\n        }\n        sourceModifiedAt\n        updatedAt\n      }\n    }\n  }\n"): typeof import('./graphql').ProductDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProductContent($shopId: ID!, $productId: ID!, $input: ProductContentInput!) {\n    updateProductContent(shopId: $shopId, productId: $productId, input: $input) {\n      id\n      title\n      published\n      content {\n        ...ProductContentFields\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateProductContentDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SyncRunFields on SyncRun {\n    id\n    source\n    kind\n    trigger\n    status\n    startedAt\n    finishedAt\n    durationSeconds\n    counts {\n      entity\n      created\n      updated\n      unchanged\n      removed\n      failed\n    }\n    errors {\n      entity\n      reference\n      reason\n    }\n    errorsDropped\n    error\n    errorCode\n  }\n"): typeof import('./graphql').SyncRunFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SyncOverview($shopId: ID!, $first: Int!) {\n    shop(id: $shopId) {\n      id\n      syncStatus {\n        source\n        title\n        enabled\n        running\n        lastSuccessAt\n        lastFullAt\n        lastError\n        lastErrorCode\n        lastErrorAt\n        lastRun {\n          ...SyncRunFields\n        }\n      }\n      syncRuns(first: $first) {\n        nodes {\n          ...SyncRunFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SyncOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Jobs($shopId: ID!, $first: Int!, $after: String, $states: [JobState!]) {\n    shop(id: $shopId) {\n      id\n      jobs(first: $first, after: $after, states: $states) {\n        nodes {\n          ...JobFields\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').JobsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query JobSchedules($shopId: ID!) {\n    shop(id: $shopId) {\n      id\n      schedules {\n        id\n        kind\n        name\n        payload\n        intervalSeconds\n        nextRunAt\n        enabled\n        lastEnqueuedAt\n      }\n    }\n  }\n"): typeof import('./graphql').JobSchedulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StorefrontKeyFields on StorefrontKey {\n    id\n    name\n    prefix\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): typeof import('./graphql').StorefrontKeyFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AdminTokenFields on AdminToken {\n    id\n    name\n    prefix\n    role\n    createdAt\n    lastUsedAt\n    revokedAt\n  }\n"): typeof import('./graphql').AdminTokenFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShopKeys($shopId: ID!) {\n    shop(id: $shopId) {\n      id\n      storefrontKeys {\n        ...StorefrontKeyFields\n      }\n      adminTokens {\n        ...AdminTokenFields\n      }\n    }\n  }\n"): typeof import('./graphql').ShopKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateStorefrontKey($shopId: ID!, $name: String!) {\n    createStorefrontKey(shopId: $shopId, name: $name) {\n      key\n      storefrontKey {\n        ...StorefrontKeyFields\n      }\n    }\n  }\n"): typeof import('./graphql').CreateStorefrontKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAdminToken($shopId: ID!, $name: String!, $role: Role!) {\n    createAdminToken(shopId: $shopId, name: $name, role: $role) {\n      token\n      adminToken {\n        ...AdminTokenFields\n      }\n    }\n  }\n"): typeof import('./graphql').CreateAdminTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeStorefrontKey($shopId: ID!, $id: ID!) {\n    revokeStorefrontKey(shopId: $shopId, id: $id) {\n      ...StorefrontKeyFields\n    }\n  }\n"): typeof import('./graphql').RevokeStorefrontKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAdminToken($shopId: ID!, $id: ID!) {\n    revokeAdminToken(shopId: $shopId, id: $id) {\n      ...AdminTokenFields\n    }\n  }\n"): typeof import('./graphql').RevokeAdminTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PluginInfo on Plugin {\n    name\n    kind\n    title\n    description\n    version\n    capabilities\n    configSchema\n    secretFields\n    supportsAuthorization\n  }\n"): typeof import('./graphql').PluginInfoFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShopPluginState on ShopPlugin {\n    name\n    enabled\n    config @include(if: $canEdit)\n    secretsSet\n    health\n    lastError\n    lastErrorAt\n    updatedAt\n    connected\n    accountName\n    plugin {\n      ...PluginInfo\n    }\n  }\n"): typeof import('./graphql').ShopPluginStateFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShopPlugins($shopId: ID!, $canEdit: Boolean!) {\n    shop(id: $shopId) {\n      id\n      plugins {\n        ...ShopPluginState\n      }\n    }\n  }\n"): typeof import('./graphql').ShopPluginsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PluginCatalog {\n    plugins {\n      ...PluginInfo\n    }\n  }\n"): typeof import('./graphql').PluginCatalogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPluginEnabled($shopId: ID!, $name: String!, $enabled: Boolean!, $canEdit: Boolean! = true) {\n    setPluginEnabled(shopId: $shopId, name: $name, enabled: $enabled) {\n      ...ShopPluginState\n    }\n  }\n"): typeof import('./graphql').SetPluginEnabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfigurePlugin($shopId: ID!, $name: String!, $config: JSON!, $secrets: JSON, $canEdit: Boolean! = true) {\n    configurePlugin(shopId: $shopId, name: $name, config: $config, secrets: $secrets) {\n      ...ShopPluginState\n    }\n  }\n"): typeof import('./graphql').ConfigurePluginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckPlugin($shopId: ID!, $name: String!, $canEdit: Boolean! = true) {\n    checkPlugin(shopId: $shopId, name: $name) {\n      ...ShopPluginState\n    }\n  }\n"): typeof import('./graphql').CheckPluginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartAuthorization($shopId: ID!, $plugin: String!) {\n    startAuthorization(shopId: $shopId, plugin: $plugin) {\n      url\n      expiresAt\n    }\n  }\n"): typeof import('./graphql').StartAuthorizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisconnectAuthorization($shopId: ID!, $plugin: String!) {\n    disconnectAuthorization(shopId: $shopId, plugin: $plugin)\n  }\n"): typeof import('./graphql').DisconnectAuthorizationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShopPluginReadiness on ShopPlugin {\n    name\n    configSchema\n    operatorManaged\n    notReadyReason\n    notReadyCode\n  }\n"): typeof import('./graphql').ShopPluginReadinessFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShopPluginReadiness($shopId: ID!) {\n    shop(id: $shopId) {\n      id\n      plugins {\n        ...ShopPluginReadiness\n      }\n    }\n  }\n"): typeof import('./graphql').ShopPluginReadinessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberFields on Member {\n    role\n    joinedAt\n    user {\n      id\n      email\n      name\n    }\n  }\n"): typeof import('./graphql').MemberFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Team($shopId: ID!) {\n    me {\n      id\n    }\n    shop(id: $shopId) {\n      id\n      members {\n        ...MemberFields\n      }\n    }\n  }\n"): typeof import('./graphql').TeamDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMember($shopId: ID!, $email: String!, $role: Role!) {\n    addMember(shopId: $shopId, email: $email, role: $role) {\n      ...MemberFields\n    }\n  }\n"): typeof import('./graphql').AddMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangeMemberRole($shopId: ID!, $userId: ID!, $role: Role!) {\n    changeMemberRole(shopId: $shopId, userId: $userId, role: $role) {\n      ...MemberFields\n    }\n  }\n"): typeof import('./graphql').ChangeMemberRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveMember($shopId: ID!, $userId: ID!) {\n    removeMember(shopId: $shopId, userId: $userId)\n  }\n"): typeof import('./graphql').RemoveMemberDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShopSummary on Shop {\n    id\n    slug\n    name\n    currency\n    locale\n    timezone\n    viewerRole\n  }\n"): typeof import('./graphql').ShopSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyShops {\n    shops(first: 100) {\n      nodes {\n        ...ShopSummary\n      }\n    }\n  }\n"): typeof import('./graphql').MyShopsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Shop($id: ID!) {\n    shop(id: $id) {\n      ...ShopSummary\n    }\n  }\n"): typeof import('./graphql').ShopDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateShop($slug: String!, $input: ShopInput!) {\n    createShop(slug: $slug, input: $input) {\n      ...ShopSummary\n    }\n  }\n"): typeof import('./graphql').CreateShopDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateShop($id: ID!, $input: ShopInput!) {\n    updateShop(id: $id, input: $input) {\n      ...ShopSummary\n    }\n  }\n"): typeof import('./graphql').UpdateShopDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReferenceData {\n    currencies\n    locales\n  }\n"): typeof import('./graphql').ReferenceDataDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShopSuspension($id: ID!) {\n    shop(id: $id) {\n      id\n      suspended\n      suspendedReason\n    }\n  }\n"): typeof import('./graphql').ShopSuspensionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShopThemes($shopId: ID!, $canEdit: Boolean!) {\n    shop(id: $shopId) {\n      id\n      plugins(kind: THEME) {\n        ...ShopPluginState\n        configSchema\n        operatorManaged\n      }\n    }\n  }\n"): typeof import('./graphql').ShopThemesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
