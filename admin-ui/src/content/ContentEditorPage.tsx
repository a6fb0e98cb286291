import { ArrowLeftOutlined, CalendarOutlined, DeleteOutlined, EyeOutlined, HistoryOutlined, SaveOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import type { ErrorSchema } from '@rjsf/utils';
import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Segmented, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, gqlRequest, isApiError, localizedFields, toApiError, useQuery } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { ErrorState } from '../components/ErrorState';
import { PageSpinner } from '../components/PageSpinner';
import type { ContentPageFieldsFragment } from '../gql/graphql';
import { useI18n, type MessageKey } from '../i18n';
import { hasRole, useShop } from '../shop';
import { ArticleBodyEditor } from './ArticleBodyEditor';
import { BlockList, type BlockType } from './BlockList';
import { ImageRefInput } from './ImageRefInput';
import { blockErrors } from './BlockSettingsForm';
import { addBlock, newBlockId, removeBlock, updateBlockSettings, type EditorBlock } from './blocks';
import { copiedData, draftVersionOf, isDirty, startingData, toInput, type EditorData } from './editorData';
import { splitDraftErrors } from './forms';
import { LocaleStatusTag } from './ContentListPage';
import {
  CancelScheduledContentMutation,
  ContentEditorQuery,
  ContentPreviewLinkMutation,
  DeleteContentPageMutation,
  PublishContentMutation,
  RestoreContentRevisionMutation,
  SaveContentDraftMutation,
  UnpublishContentMutation,
} from './operations';
import { PageSettingsCard } from './PageSettingsCard';
import { PreviewDrawer } from './PreviewDrawer';
import { ScheduleModal } from './ScheduleModal';
import { formatInShopTime } from './schedule';
import { CONTENT_LOCALES, allowedActions, contentLocaleFor, isContentLocale, localeLabelKey, localeOf, pageTitle, type ContentLocaleTag } from './status';
import { VersionsDrawer } from './VersionsDrawer';

interface Editing {
  locale: ContentLocaleTag;
  data: EditorData;
  /** What was loaded or last saved: the editor is "dirty" when `data` differs. */
  baseline: EditorData;
}

interface Problems {
  fields: Record<string, string>;
  blocks: Record<string, ErrorSchema>;
  other: string[];
}

const NO_PROBLEMS: Problems = { fields: {}, blocks: {}, other: [] };

/** /shops/:shopId/content/:pageId?locale=zh-CN — one page's blocks, texts and state in one locale. */
export default function ContentEditorPage() {
  const { t, lang } = useI18n();
  const shop = useShop();
  const { pageId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const canEdit = hasRole(shop.viewerRole, 'EDITOR');
  const query = useQuery(ContentEditorQuery, { shopId: shop.id, id: pageId });
  const page = query.data?.contentPage ?? null;
  const types: BlockType[] = useMemo(() => query.data?.contentBlockTypes ?? [], [query.data]);

  const asked = params.get('locale');
  const preferred = contentLocaleFor(lang);
  const locale: ContentLocaleTag = isContentLocale(asked)
    ? asked
    : page && !localeOf(page, preferred) && page.locales[0] && isContentLocale(page.locales[0].locale)
      ? page.locales[0].locale
      : preferred;
  const localeName = t(localeLabelKey(locale));

  const [editing, setEditing] = useState<Editing | null>(null);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const [conflict, setConflict] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [preview, setPreview] = useState<{ url: string; expiresAt: string } | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const [versions, setVersions] = useState(false);

  // Start editing the locale from the server's state when it first arrives or the locale changes.
  const loadedFor = useRef<string | null>(null);
  const load = useCallback((fresh: ContentPageFieldsFragment, tag: ContentLocaleTag) => {
    const data = startingData(fresh, tag);
    setEditing({ locale: tag, data, baseline: data });
    setProblems(NO_PROBLEMS);
    setConflict(false);
    loadedFor.current = `${fresh.id}/${tag}`;
  }, []);
  useEffect(() => {
    if (page && loadedFor.current !== `${page.id}/${locale}`) load(page, locale);
  }, [page, locale, load]);

  const dirty = editing !== null && isDirty(editing.data, editing.baseline);
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  if (query.error && !query.data) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <PageSpinner />;
  if (!page) return <ErrorState error={new ApiError('NOT_FOUND', 'no such page')} action={<Link to="..">{t('content.editor.back')}</Link>} />;
  if (!editing || editing.locale !== locale) return <PageSpinner />;

  const current: ContentPageFieldsFragment = page;
  const state = localeOf(current, locale);
  const actions = allowedActions(state);
  const isArticle = current.kind === 'ARTICLE';
  const data = editing.data;
  const title = pageTitle(current, locale);
  const otherLocales = CONTENT_LOCALES.filter((l) => l !== locale && localeOf(current, l));

  function change(patch: Partial<EditorData>) {
    setEditing((e) => (e ? { ...e, data: { ...e.data, ...patch } } : e));
    if (Object.keys(problems.fields).some((k) => k in patch)) {
      setProblems((p) => ({ ...p, fields: Object.fromEntries(Object.entries(p.fields).filter(([k]) => !(k in patch))) }));
    }
  }

  function setBlocks(blocks: readonly EditorBlock[]) {
    change({ blocks });
  }

  /** Use the page the server answered; when `reset`, the editor takes its draft of this locale. */
  function apply(fresh: ContentPageFieldsFragment, reset: boolean) {
    query.setData((d) => (d ? { ...d, contentPage: fresh } : d));
    if (reset) load(fresh, locale);
  }

  function switchLocale(next: ContentLocaleTag) {
    const go = () => {
      loadedFor.current = null;
      setParams({ locale: next }, { replace: true });
    };
    if (!dirty) return go();
    modal.confirm({
      title: t('content.editor.leaveTitle'),
      content: t('content.editor.leaveBody'),
      okText: t('content.editor.discard'),
      cancelText: t('content.editor.keep'),
      okButtonProps: { danger: true },
      onOk: go,
    });
  }

  /** Check the draft here first: a title, and every block's settings by its schema. */
  function check(): boolean {
    const fields: Record<string, string> = {};
    if (!data.title.trim()) fields.title = t('content.editor.titleRequired');
    const blocks: Record<string, ErrorSchema> = {};
    for (const block of data.blocks) {
      const type = types.find((bt) => bt.type === block.type);
      if (!type) continue;
      const found = blockErrors(block.settings, type.schema, lang);
      if (Object.keys(found).length) blocks[block.id] = found;
    }
    const names = data.blocks.filter((b) => blocks[b.id]).map((b) => types.find((bt) => bt.type === b.type)?.title ?? b.type);
    setProblems({ fields, blocks, other: names.length ? [t('content.blocks.invalid', { names: names.join(t('list.sep')) })] : [] });
    return Object.keys(fields).length === 0 && names.length === 0;
  }

  /** Save the draft when it changed; the page as saved, or null when it could not be. */
  async function save(force = false): Promise<ContentPageFieldsFragment | null> {
    if (!dirty && !force && state?.draft) return current;
    if (!check()) return null;
    setError(null);
    const sent = data.blocks;
    try {
      const answer = await gqlRequest(SaveContentDraftMutation, {
        shopId: shop.id,
        id: current.id,
        locale,
        data: toInput(data, isArticle),
        draftVersion: draftVersionOf(current, locale),
      });
      apply(answer.saveContentDraft, true);
      return answer.saveContentDraft;
    } catch (caught) {
      const apiError = toApiError(caught);
      if (apiError.code === 'CONFLICT') {
        setConflict(true);
      } else if (apiError.fields.length) {
        setProblems(splitDraftErrors(localizedFields(apiError.fields, t), sent));
        setError(apiError);
      } else {
        setError(apiError);
      }
      return null;
    }
  }

  async function run(name: string, action: () => Promise<void>) {
    setBusy(name);
    setError(null);
    try {
      await action();
    } catch (caught) {
      if (isApiError(caught) && caught.code === 'CONFLICT' && name === 'save') setConflict(true);
      else setError(toApiError(caught));
    } finally {
      setBusy(null);
    }
  }

  const saveDraft = () =>
    run('save', async () => {
      if (await save(true)) void message.success(t('content.actions.saved'));
    });

  const openPreview = () =>
    run('preview', async () => {
      if (!(await save())) return;
      const answer = await gqlRequest(ContentPreviewLinkMutation, { shopId: shop.id, id: current.id, locale });
      setPreview(answer.contentPreviewLink);
    });

  const publishNow = () =>
    run('publish', async () => {
      if (!(await save())) return;
      const answer = await gqlRequest(PublishContentMutation, { shopId: shop.id, id: current.id, locale, at: null });
      apply(answer.publishContent, true);
      void message.success(t('content.actions.published', { locale: localeName }));
    });

  async function schedule(at: string) {
    const saved = await save();
    if (!saved) {
      setScheduling(false);
      return;
    }
    const answer = await gqlRequest(PublishContentMutation, { shopId: shop.id, id: current.id, locale, at });
    apply(answer.publishContent, true);
    setScheduling(false);
    void message.success(t('content.schedule.done', { locale: localeName, at: formatInShopTime(at, shop.timezone) }));
  }

  const cancelSchedule = () =>
    run('cancelSchedule', async () => {
      const answer = await gqlRequest(CancelScheduledContentMutation, { shopId: shop.id, id: current.id, locale });
      apply(answer.cancelScheduledContent, !dirty);
      void message.success(t('content.actions.scheduleCancelled'));
    });

  const unpublish = () =>
    run('unpublish', async () => {
      const answer = await gqlRequest(UnpublishContentMutation, { shopId: shop.id, id: current.id, locale });
      apply(answer.unpublishContent, !dirty);
      void message.success(t('content.actions.unpublished', { locale: localeName }));
    });

  async function restore(number: number) {
    try {
      const answer = await gqlRequest(RestoreContentRevisionMutation, { shopId: shop.id, id: current.id, locale, number });
      apply(answer.restoreContentRevision, true);
      setVersions(false);
      void message.success(t('content.versions.restored', { n: number }));
    } catch (caught) {
      setError(toApiError(caught));
      setVersions(false);
    }
  }

  function confirmDelete() {
    modal.confirm({
      title: t('content.actions.deleteTitle', { title }),
      content: t('content.actions.deleteBody'),
      okText: t('content.actions.delete'),
      cancelText: t('content.create.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'delete-confirm' },
      onOk: async () => {
        try {
          await gqlRequest(DeleteContentPageMutation, { shopId: shop.id, id: current.id });
          void message.success(t('content.actions.deleted', { title }));
          navigate('..', { relative: 'path' });
        } catch (caught) {
          setError(toApiError(caught));
        }
      },
    });
  }

  async function reload() {
    loadedFor.current = null;
    setConflict(false);
    await query.refetch();
  }

  function add(type: BlockType): string {
    const id = newBlockId();
    setBlocks(addBlock(data.blocks, type.type, type.schema, id));
    setAnnouncement(t('content.blocks.added', { name: type.title }));
    return id;
  }

  const readOnly = !canEdit;
  const disabled = busy !== null;

  return (
    <div data-testid="content-editor" data-locale={locale} data-dirty={dirty}>
      <Link to=".." relative="path" data-testid="content-back">
        <ArrowLeftOutlined aria-hidden /> {t('content.editor.back')}
      </Link>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0, overflowWrap: 'anywhere' }}>
          {title}
        </Typography.Title>
        <Flex gap={8} align="center" wrap>
          <Tag>{t(`content.kind.${current.kind}` as MessageKey)}</Tag>
          <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
            /{current.handle}
          </Typography.Text>
          {state?.published && (
            <Typography.Link href={current.url} target="_blank" rel="noopener noreferrer" data-testid="content-live-link">
              {t('content.editor.openLive')}
            </Typography.Link>
          )}
        </Flex>
      </Flex>

      <Card size="small" style={{ margin: '16px 0' }}>
        <Flex vertical gap={8}>
          <Flex gap={12} align="center" wrap>
            <span id="content-locale-label">{t('content.editor.locale')}</span>
            <Segmented<ContentLocaleTag>
              aria-labelledby="content-locale-label"
              data-testid="locale-switch"
              value={locale}
              onChange={switchLocale}
              options={CONTENT_LOCALES.map((l) => ({
                value: l,
                label: (
                  <Flex gap={6} align="center" data-testid={`locale-option-${l}`}>
                    <span lang={l}>{t(localeLabelKey(l))}</span>
                    <LocaleStatusTag page={current} locale={l} zone={shop.timezone} testId={`locale-status-${l}`} />
                  </Flex>
                ),
              }))}
            />
          </Flex>
          <Typography.Text type="secondary">{t('content.editor.localeHelp')}</Typography.Text>
          <Flex gap={12} wrap data-testid="content-state">
            {dirty && <Tag color="warning" data-testid="content-unsaved">{t('content.editor.unsaved')}</Tag>}
            {state?.draftSavedAt && <span>{t('content.editor.savedAt', { at: formatInShopTime(state.draftSavedAt, shop.timezone) })}</span>}
            <span>
              {state?.publishedAt
                ? t('content.editor.publishedAt', { at: formatInShopTime(state.publishedAt, shop.timezone) })
                : t('content.editor.notPublished')}
            </span>
            {state?.scheduledAt && (
              <span data-testid="content-scheduled-at">{t('content.scheduledFor', { at: `${formatInShopTime(state.scheduledAt, shop.timezone)} (${shop.timezone})` })}</span>
            )}
          </Flex>
        </Flex>
      </Card>

      {conflict && (
        <Alert
          type="error"
          showIcon
          role="alert"
          data-testid="content-conflict"
          title={t('content.conflict')}
          description={t('content.conflictHelp')}
          action={
            <Button size="small" onClick={() => void reload()} data-testid="content-reload">
              {t('content.reload')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {error != null && <ErrorAlert error={error} style={{ marginBottom: 16 }} />}
      {problems.other.length > 0 && (
        <Alert type="error" showIcon role="alert" data-testid="content-problems" title={problems.other.join(' ')} style={{ marginBottom: 16 }} />
      )}

      {!readOnly && (
        <Flex gap={8} wrap style={{ marginBottom: 16 }} data-testid="content-actions">
          <Button type="primary" icon={<SaveOutlined aria-hidden />} loading={busy === 'save'} disabled={disabled} onClick={() => void saveDraft()} data-testid="content-save">
            {t('content.actions.save')}
          </Button>
          <Button icon={<EyeOutlined aria-hidden />} loading={busy === 'preview'} disabled={disabled || (!dirty && !actions.preview)} onClick={() => void openPreview()} data-testid="content-preview">
            {t('content.actions.preview')}
          </Button>
          <Popconfirm
            title={t('content.actions.publishConfirm', { locale: localeName })}
            okText={t('content.actions.yes')}
            cancelText={t('content.actions.no')}
            okButtonProps={{ 'data-testid': 'publish-confirm' }}
            onConfirm={() => publishNow()}
            disabled={disabled || (!dirty && !actions.publish)}
          >
            <Button icon={<SendOutlined aria-hidden />} loading={busy === 'publish'} disabled={disabled || (!dirty && !actions.publish)} data-testid="content-publish">
              {t('content.actions.publish')}
            </Button>
          </Popconfirm>
          <Button icon={<CalendarOutlined aria-hidden />} disabled={disabled || (!dirty && !actions.schedule)} onClick={() => setScheduling(true)} data-testid="content-schedule">
            {t('content.actions.schedule')}
          </Button>
          {actions.cancelSchedule && (
            <Popconfirm
              title={t('content.actions.cancelScheduleConfirm')}
              okText={t('content.actions.yes')}
              cancelText={t('content.actions.no')}
              okButtonProps={{ 'data-testid': 'cancel-schedule-confirm' }}
              onConfirm={() => cancelSchedule()}
            >
              <Button loading={busy === 'cancelSchedule'} disabled={disabled} data-testid="content-cancel-schedule">
                {t('content.actions.cancelSchedule')}
              </Button>
            </Popconfirm>
          )}
          <Button icon={<HistoryOutlined aria-hidden />} onClick={() => setVersions(true)} data-testid="content-versions">
            {t('content.actions.versions')}
          </Button>
          {actions.unpublish && (
            <Popconfirm
              title={t('content.actions.unpublishConfirm', { locale: localeName })}
              okText={t('content.actions.yes')}
              cancelText={t('content.actions.no')}
              okButtonProps={{ danger: true, 'data-testid': 'unpublish-confirm' }}
              onConfirm={() => unpublish()}
            >
              <Button icon={<StopOutlined aria-hidden />} loading={busy === 'unpublish'} disabled={disabled} data-testid="content-unpublish">
                {t('content.actions.unpublish')}
              </Button>
            </Popconfirm>
          )}
          <Button danger icon={<DeleteOutlined aria-hidden />} disabled={disabled} onClick={confirmDelete} data-testid="content-delete">
            {t('content.actions.delete')}
          </Button>
        </Flex>
      )}
      {readOnly && (
        <Flex gap={8} style={{ marginBottom: 16 }}>
          <Alert type="info" showIcon title={t('content.readOnly')} data-testid="content-read-only" />
          <Button icon={<HistoryOutlined aria-hidden />} onClick={() => setVersions(true)} data-testid="content-versions">
            {t('content.actions.versions')}
          </Button>
        </Flex>
      )}

      {!state && otherLocales.length > 0 && !dirty && (
        <Alert
          type="info"
          showIcon
          data-testid="content-locale-empty"
          title={t('content.editor.empty', { locale: localeName })}
          action={
            canEdit &&
            otherLocales.map((other) => (
              <Button key={other} size="small" onClick={() => change(copiedData(current, other))} data-testid={`content-copy-${other}`}>
                {t('content.editor.copyFrom', { locale: t(localeLabelKey(other)) })}
              </Button>
            ))
          }
          style={{ marginBottom: 16 }}
        />
      )}

      <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('content.editor.fields')}</h2>} style={{ marginBottom: 16 }}>
        <Form layout="vertical" component="div" disabled={readOnly}>
          <Form.Item
            label={t('content.editor.pageTitle')}
            htmlFor="content-title"
            required
            validateStatus={problems.fields.title ? 'error' : undefined}
            help={problems.fields.title}
          >
            <Input id="content-title" data-testid="content-title" value={data.title} maxLength={200} onChange={(e) => change({ title: e.target.value })} />
          </Form.Item>
          <Form.Item
            label={t('content.editor.seoTitle')}
            htmlFor="content-seo-title"
            extra={t('content.editor.seoHelp')}
            validateStatus={problems.fields.seoTitle ? 'error' : undefined}
            help={problems.fields.seoTitle}
          >
            <Input id="content-seo-title" data-testid="content-seo-title" value={data.seoTitle} maxLength={120} onChange={(e) => change({ seoTitle: e.target.value })} />
          </Form.Item>
          <Form.Item
            label={t('content.editor.seoDescription')}
            htmlFor="content-seo-description"
            validateStatus={problems.fields.seoDescription ? 'error' : undefined}
            help={problems.fields.seoDescription}
          >
            <Input.TextArea
              id="content-seo-description"
              data-testid="content-seo-description"
              value={data.seoDescription}
              maxLength={320}
              autoSize={{ minRows: 2, maxRows: 5 }}
              onChange={(e) => change({ seoDescription: e.target.value })}
            />
          </Form.Item>
          {isArticle && (
            <>
              <Form.Item label={t('content.editor.excerpt')} htmlFor="content-excerpt" validateStatus={problems.fields.excerpt ? 'error' : undefined} help={problems.fields.excerpt}>
                <Input.TextArea id="content-excerpt" value={data.excerpt} autoSize={{ minRows: 2, maxRows: 4 }} onChange={(e) => change({ excerpt: e.target.value })} />
              </Form.Item>
              <Form.Item label={t('content.editor.cover')} htmlFor="content-cover" validateStatus={problems.fields.cover ? 'error' : undefined} help={problems.fields.cover}>
                <ImageRefInput id="content-cover" value={data.cover} onChange={(cover) => change({ cover })} readOnly={readOnly} />
              </Form.Item>
              <ArticleBodyEditor value={data.bodyHtml} onChange={(bodyHtml) => change({ bodyHtml })} error={problems.fields.bodyHtml} readOnly={readOnly} />
            </>
          )}
        </Form>
      </Card>

      <PageSettingsCard
        // Starts again from the server's values when they change (not on every draft save).
        key={[current.id, current.handle, current.tags.join(','), current.startsAt, current.endsAt].join('|')}
        shopId={shop.id}
        page={current}
        zone={shop.timezone}
        readOnly={readOnly}
        onSaved={(fresh) => apply(fresh, false)}
      />

      <BlockList
        blocks={data.blocks}
        types={types}
        onChange={setBlocks}
        onAdd={add}
        onRemove={(block) => {
          setBlocks(removeBlock(data.blocks, block.id));
          setAnnouncement(t('content.blocks.removed', { name: types.find((bt) => bt.type === block.type)?.title ?? block.type }));
        }}
        onSettings={(id, settings) => setBlocks(updateBlockSettings(data.blocks, id, settings))}
        errors={problems.blocks}
        readOnly={readOnly}
        announce={setAnnouncement}
      />
      <div aria-live="polite" role="status" className="visually-hidden" data-testid="content-announcer">
        {announcement}
      </div>

      {preview && <PreviewDrawer url={preview.url} expiresAt={preview.expiresAt} title={title} localeName={localeName} onClose={() => setPreview(null)} />}
      {scheduling && (
        <ScheduleModal zone={shop.timezone} localeName={localeName} current={state?.scheduledAt ?? null} onSchedule={schedule} onClose={() => setScheduling(false)} />
      )}
      {versions && (
        <VersionsDrawer
          shopId={shop.id}
          pageId={current.id}
          locale={locale}
          localeName={localeName}
          canEdit={canEdit}
          onRestore={restore}
          onClose={() => setVersions(false)}
        />
      )}
    </div>
  );
}
