import { DeleteOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { fieldErrorsByName, gqlRequest, isApiError, useQuery } from '../../api';
import { DateTime } from '../../components/DateTime';
import { ErrorAlert } from '../../components/ErrorAlert';
import { emailRules } from '../../components/emailRules';
import { ErrorState } from '../../components/ErrorState';
import { PageSpinner } from '../../components/PageSpinner';
import type { Role } from '../../gql/graphql';
import { useT, type MessageKey } from '../../i18n';
import { useWide } from '../../layout/useWide';
import { hasRole, useShop, useShopActions } from '../../shop';
import { AddMemberMutation, ChangeMemberRoleMutation, RemoveMemberMutation, TeamQuery } from './operations';
import { ROLES, TEAM_ERROR_WORDS, isLastOwner, memberLabel, upsertMember, withoutMember, type MemberInfo, type TeamAction } from './team';

interface ActionError {
  action: TeamAction;
  error: unknown;
}

/** /shops/:shopId/team — the members and their roles; owners add, re-role and remove people. */
export default function TeamPage() {
  const t = useT();
  const shop = useShop();
  const { refresh } = useShopActions();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const isOwner = hasRole(shop.viewerRole, 'OWNER');
  const team = useQuery(TeamQuery, { shopId: shop.id });
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const [actionError, setActionError] = useState<ActionError | null>(null);

  const members = useMemo(() => team.data?.shop.members ?? [], [team.data]);
  const viewerId = team.data?.me?.id;
  const { setData } = team;
  const setMembers = useCallback(
    (change: (members: MemberInfo[]) => MemberInfo[]) =>
      setData((data) => data && { ...data, shop: { ...data.shop, members: change(data.shop.members) } }),
    [setData],
  );

  const roleOptions = useMemo(() => ROLES.map((role) => ({ value: role, label: t(`role.${role}`) })), [t]);

  async function changeRole(member: MemberInfo, role: Role) {
    if (role === member.role) return;
    const self = member.user.id === viewerId;
    if (self && member.role === 'OWNER') {
      const confirmed = await modal.confirm({
        title: t('team.demoteSelfTitle'),
        content: t('team.demoteSelfBody', { role: t(`role.${role}`) }),
        okText: t('team.changeRole'),
        cancelText: t('shops.cancel'),
      });
      if (!confirmed) return;
    }
    setPending((p) => ({ ...p, [member.user.id]: true }));
    setActionError(null);
    try {
      const fresh = (await gqlRequest(ChangeMemberRoleMutation, { shopId: shop.id, userId: member.user.id, role })).changeMemberRole;
      setMembers((list) => upsertMember(list, fresh));
      void message.success(t('team.roleChanged', { name: memberLabel(member), role: t(`role.${role}`) }));
      if (self) await refresh();
    } catch (error) {
      setActionError({ action: 'change', error });
    } finally {
      setPending(({ [member.user.id]: _done, ...rest }) => rest);
    }
  }

  async function remove(member: MemberInfo) {
    const self = member.user.id === viewerId;
    const name = memberLabel(member);
    const confirmed = await modal.confirm({
      title: self ? t('team.leaveTitle') : t('team.removeTitle', { name }),
      content: self ? t('team.leaveBody') : t('team.removeBody', { name }),
      okText: self ? t('team.leave') : t('team.remove'),
      focusable: { autoFocusButton: 'cancel' },
      okButtonProps: { danger: true },
      cancelText: t('shops.cancel'),
    });
    if (!confirmed) return;
    setPending((p) => ({ ...p, [member.user.id]: true }));
    setActionError(null);
    try {
      await gqlRequest(RemoveMemberMutation, { shopId: shop.id, userId: member.user.id });
      void message.success(t('team.removed', { name }));
      if (self) {
        navigate('/shops');
        return;
      }
      setMembers((list) => withoutMember(list, member.user.id));
    } catch (error) {
      setActionError({ action: 'remove', error });
    } finally {
      setPending(({ [member.user.id]: _done, ...rest }) => rest);
    }
  }

  if (team.error && !team.data) return <ErrorState error={team.error} onRetry={() => void team.refetch()} />;
  if (!team.data) return <PageSpinner />;

  const columns: ColumnsType<MemberInfo> = [
    {
      key: 'name',
      title: t('team.name'),
      render: (_, member) => (
        <Space size={4} wrap>
          <span>{member.user.name || '—'}</span>
          {member.user.id === viewerId && <Tag color="blue">{t('team.you')}</Tag>}
        </Space>
      ),
    },
    { key: 'email', title: t('auth.email'), render: (_, member) => member.user.email },
    {
      key: 'role',
      title: t('team.role'),
      render: (_, member) =>
        isOwner ? (
          <Select<Role>
            aria-label={t('team.roleOf', { name: memberLabel(member) })}
            data-testid={`member-role-${member.user.id}`}
            value={member.role}
            options={roleOptions}
            loading={Boolean(pending[member.user.id])}
            disabled={Boolean(pending[member.user.id])}
            onChange={(role) => void changeRole(member, role)}
            style={{ minWidth: 130 }}
            title={isLastOwner(member, members) ? t('team.lastOwnerHint') : undefined}
          />
        ) : (
          <Tag>{t(`role.${member.role}`)}</Tag>
        ),
    },
    { key: 'joined', title: t('team.joined'), render: (_, member) => <DateTime value={member.joinedAt} /> },
  ];
  if (isOwner) {
    columns.push({
      key: 'actions',
      title: <span className="visually-hidden">{t('team.actions')}</span>,
      render: (_, member) => (
        <Button
          danger
          type="text"
          icon={<DeleteOutlined aria-hidden />}
          data-testid={`member-remove-${member.user.id}`}
          aria-label={member.user.id === viewerId ? t('team.leave') : t('team.removeNamed', { name: memberLabel(member) })}
          loading={Boolean(pending[member.user.id])}
          onClick={() => void remove(member)}
        >
          {member.user.id === viewerId ? t('team.leave') : t('team.remove')}
        </Button>
      ),
    });
  }

  return (
    <section aria-labelledby="team-title">
      <Typography.Title id="team-title" level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('team.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('team.intro')}</Typography.Paragraph>
      {!isOwner && <Alert type="info" showIcon title={t('team.readOnly')} style={{ marginBottom: 16 }} data-testid="team-read-only" />}
      {isOwner && (
        <Card title={<span id="add-member-title">{t('team.addTitle')}</span>} style={{ marginBottom: 24 }}>
          <AddMemberForm shopId={shop.id} roleOptions={roleOptions} onAdded={(member) => setMembers((list) => upsertMember(list, member))} />
        </Card>
      )}
      {actionError && (
        <div style={{ marginBottom: 16 }} data-testid="team-error">
          <ErrorAlert error={actionError.error} overrides={TEAM_ERROR_WORDS[actionError.action]} />
        </div>
      )}
      <Table<MemberInfo>
        data-testid="team-table"
        rowKey={(member) => member.user.id}
        columns={columns}
        dataSource={members}
        pagination={false}
        locale={{ emptyText: <Empty description={t('team.empty')} /> }}
        scroll={{ x: 'max-content' }}
      />
      {isOwner && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          {t('team.ownerNote')}
        </Typography.Paragraph>
      )}
    </section>
  );
}

interface AddValues {
  email: string;
  role: Role;
}

/** Add an existing account by email with a role (owners). */
function AddMemberForm({
  shopId,
  roleOptions,
  onAdded,
}: {
  shopId: string;
  roleOptions: { value: Role; label: string }[];
  onAdded: (member: MemberInfo) => void;
}) {
  const t = useT();
  const wide = useWide();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(values: AddValues) {
    setBusy(true);
    setError(null);
    try {
      const member = (await gqlRequest(AddMemberMutation, { shopId, email: values.email.trim(), role: values.role })).addMember;
      onAdded(member);
      form.resetFields();
      void message.success(t('team.added', { name: memberLabel(member), role: t(`role.${member.role}`) }));
    } catch (caught) {
      // Refusals about the email go on the email field; anything else above the form.
      const words = TEAM_ERROR_WORDS.add;
      const code = isApiError(caught) ? caught.code : '';
      const fields = fieldErrorsByName(caught, undefined, t);
      const onEmail: MessageKey | undefined = words[code];
      if (onEmail) form.setFields([{ name: 'email', errors: [t(onEmail)] }]);
      else if (fields.email) form.setFields([{ name: 'email', errors: [fields.email] }]);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <ErrorAlert error={error} overrides={TEAM_ERROR_WORDS.add} style={{ marginBottom: 16 }} />
      <Form<AddValues>
        form={form}
        name="add-member"
        // Side by side on wide screens; on phones one field under the other, full width.
        layout={wide ? 'inline' : 'vertical'}
        aria-labelledby="add-member-title"
        initialValues={{ email: '', role: 'EDITOR' }}
        onFinish={submit}
        disabled={busy}
        style={{ rowGap: 12 }}
      >
        <Form.Item
          label={t('auth.email')}
          name="email"
          rules={emailRules(t)}
          extra={t('team.emailHelp')}
        >
          <Input type="email" autoComplete="off" style={{ width: wide ? 260 : '100%' }} />
        </Form.Item>
        <Form.Item label={t('team.role')} name="role" rules={[{ required: true }]}>
          <Select<Role> options={roleOptions} style={{ width: wide ? 140 : '100%' }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" icon={<UserAddOutlined aria-hidden />} loading={busy} data-testid="add-member">
            {t('team.add')}
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}
