import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import { findDialog, findOption } from '../../test/dialogs';
import { SHOP, renderInShop } from '../../test/render';
import { AddMemberMutation, ChangeMemberRoleMutation, RemoveMemberMutation, TeamQuery } from './operations';
import TeamPage from './TeamPage';
import type { MemberInfo } from './team';

const client = vi.hoisted(() => ({ gqlRequest: vi.fn(), executeOperation: vi.fn() }));
vi.mock('../../api/client', () => ({
  gqlRequest: client.gqlRequest,
  executeOperation: client.executeOperation,
  onUnauthenticated: () => () => {},
  GRAPHQL_URL: '/graphql',
}));

const OWNER: MemberInfo = { role: 'OWNER', joinedAt: '2026-01-01T00:00:00+00:00', user: { id: 'u1', email: 'demo@cloudcat.dev', name: 'Demo seller' } };
const EDITOR: MemberInfo = { role: 'EDITOR', joinedAt: '2026-01-02T00:00:00+00:00', user: { id: 'u2', email: 'ed@cloudcat.dev', name: 'Ed' } };
const path = { path: '/shops/s1/team', route: '/shops/:shopId/team' };


beforeEach(() => {
  client.gqlRequest.mockReset();
  client.executeOperation.mockReset();
  client.executeOperation.mockImplementation(async (document: unknown) => {
    if (document === TeamQuery) return { me: { id: 'u1' }, shop: { id: SHOP.id, members: [OWNER, EDITOR] } };
    throw new Error(`unexpected query ${String(document)}`);
  });
});

describe('TeamPage', () => {
  it('lists the members with their roles, marking the viewer', async () => {
    renderInShop(<TeamPage />, path);
    const table = await screen.findByTestId('team-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Demo seller');
    expect(rows[0]).toHaveTextContent('You');
    expect(rows[0]).toHaveTextContent('demo@cloudcat.dev');
    expect(within(rows[1]).getByRole('combobox', { name: 'Role of Ed' })).toBeInTheDocument();
    expect(within(rows[1]).getByRole('button', { name: 'Remove Ed' })).toBeInTheDocument();
  });

  it('adds a member by email with a role', async () => {
    const user = userEvent.setup();
    const added: MemberInfo = { role: 'ANALYST', joinedAt: '2026-01-03T00:00:00+00:00', user: { id: 'u3', email: 'ana@cloudcat.dev', name: 'Ana' } };
    client.gqlRequest.mockResolvedValue({ addMember: added });
    renderInShop(<TeamPage />, path);
    await screen.findByTestId('team-table');
    await user.type(screen.getByLabelText('Email'), 'ana@cloudcat.dev');
    await user.click(screen.getByRole('combobox', { name: 'Role' }));
    await user.click(await findOption('Analyst'));
    await user.click(screen.getByTestId('add-member'));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalledWith(AddMemberMutation, { shopId: 's1', email: 'ana@cloudcat.dev', role: 'ANALYST' }));
    expect(await within(screen.getByTestId('team-table')).findByText('ana@cloudcat.dev')).toBeInTheDocument();
    expect(await screen.findByText('Ana joined the team as Analyst.')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('');
  });

  it('says on the email field when there is no such account', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockRejectedValue(new ApiError('NOT_FOUND', 'no CloudCat account uses this email: ask them to sign up first'));
    renderInShop(<TeamPage />, path);
    await screen.findByTestId('team-table');
    await user.type(screen.getByLabelText('Email'), 'nobody@example.com{Enter}');
    expect(await screen.findByText('No CloudCat account uses this email. Ask them to sign up first, then add them.')).toBeInTheDocument();
  });

  it('checks the email before asking', async () => {
    const user = userEvent.setup();
    renderInShop(<TeamPage />, path);
    await screen.findByTestId('team-table');
    await user.type(screen.getByLabelText('Email'), 'not-an-email{Enter}');
    expect(await screen.findByText('Enter a valid email address.')).toBeInTheDocument();
    expect(client.gqlRequest).not.toHaveBeenCalled();
  });

  it('changes a role', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockResolvedValue({ changeMemberRole: { ...EDITOR, role: 'ANALYST' } });
    renderInShop(<TeamPage />, path);
    await user.click(await screen.findByRole('combobox', { name: 'Role of Ed' }));
    await user.click(await findOption('Analyst'));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalledWith(ChangeMemberRoleMutation, { shopId: 's1', userId: 'u2', role: 'ANALYST' }));
    expect(await screen.findByText('Ed is now Analyst.')).toBeInTheDocument();
  });

  it('shows the last-owner refusal in words', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockRejectedValue(new ApiError('BAD_USER_INPUT', 'a shop needs at least one owner: make someone else owner first'));
    renderInShop(<TeamPage />, path);
    // Demoting yourself asks first.
    await user.click(await screen.findByRole('combobox', { name: 'Role of Demo seller' }));
    await user.click(await findOption('Editor'));
    const confirm = await findDialog('Give up the owner role?');
    await user.click(within(confirm).getByRole('button', { name: 'Change role' }));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalledWith(ChangeMemberRoleMutation, { shopId: 's1', userId: 'u1', role: 'EDITOR' }));
    const alert = await screen.findByTestId('team-error');
    expect(alert).toHaveTextContent('A shop needs at least one owner. Make someone else an owner first.');
    // The select still says what the server has.
    expect(screen.getByTestId('member-role-u1')).toHaveTextContent('Owner');
  });

  it('removes a member after a confirmation, and says why when refused', async () => {
    const user = userEvent.setup();
    client.gqlRequest.mockResolvedValueOnce({ removeMember: true });
    renderInShop(<TeamPage />, path);
    await user.click(await screen.findByRole('button', { name: 'Remove Ed' }));
    const confirm = await findDialog('Remove Ed from the team?');
    await user.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(client.gqlRequest).toHaveBeenCalledWith(RemoveMemberMutation, { shopId: 's1', userId: 'u2' }));
    await waitFor(() => expect(within(screen.getByTestId('team-table')).queryByText('Ed')).not.toBeInTheDocument());

    client.gqlRequest.mockRejectedValueOnce(new ApiError('BAD_USER_INPUT', 'a shop needs at least one owner: make someone else owner first'));
    await user.click(screen.getByRole('button', { name: 'Leave' }));
    const leave = await findDialog('Leave this shop?');
    await user.click(within(leave).getByRole('button', { name: 'Leave' }));
    expect(await screen.findByTestId('team-error')).toHaveTextContent('A shop needs at least one owner. Make someone else an owner first.');
  });

  it.each(['EDITOR', 'ANALYST'] as const)('shows an %s the team read-only', async (role) => {
    renderInShop(<TeamPage />, { ...path, shop: { ...SHOP, viewerRole: role } });
    const table = await screen.findByTestId('team-table');
    expect(screen.getByTestId('team-read-only')).toBeInTheDocument();
    expect(within(table).getByText('Editor')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Email')).not.toBeInTheDocument();
  });
});
