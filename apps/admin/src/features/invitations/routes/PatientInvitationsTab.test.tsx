import { screen, waitFor, within } from '@testing-library/react';
import { answer, page, signInStaff } from '../../../testing/api';
import {
  invitationForPatient,
  patientFactory,
  problem,
  type Invitation,
  type Patient,
} from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';

const DAY = 86_400_000;

/**
 * Signs staff in with these roles; the API answers with the patient and their invitations,
 * and each change answers with the changed invitation, which the list shows from then on.
 */
function serveInvitations(roles: string[], patient: Patient, invitations: Invitation[] = []) {
  signInStaff(roles);
  answer('getPatient', patient);
  const list = [...invitations];
  const change = (id: string | undefined, changes: Partial<Invitation>) => {
    const index = list.findIndex((invitation) => invitation.id === id);
    list[index] = { ...list[index]!, ...changes };
    return list[index];
  };
  return {
    lists: answer('listInvitations', () => page(list)),
    creates: answer('createInvitation', () => {
      const created = invitationForPatient(patient, { deliveryStatus: 'queued', sentAt: null });
      list.unshift(created);
      return created;
    }),
    resends: answer('resendInvitation', ({ params }) =>
      change(params['invitationId'], { sendCount: 2, sentAt: new Date().toISOString() }),
    ),
    revokes: answer('revokeInvitation', ({ params }) =>
      change(params['invitationId'], { status: 'revoked', revokedAt: new Date().toISOString() }),
    ),
  };
}

function invitationRows() {
  const table = screen.getByRole('table', { name: /^Invitations for / });
  return within(table).getAllByRole('row').slice(1);
}

describe("a patient's invitations", () => {
  it('invites, resends and revokes, asking once before revoking', async () => {
    const patient = patientFactory({ email: 'alex.rivera@example.com' });
    const backend = serveInvitations(['front-desk'], patient);
    const { user } = renderApp({ path: `/patients/${patient.id}/invitations` });

    expect(await screen.findByText('This patient has not been invited yet.')).toBeInTheDocument();
    expect(screen.getByText('The link goes to alex.rivera@example.com.')).toBeInTheDocument();

    // Invite
    await user.click(screen.getByRole('button', { name: 'Invite to the portal' }));
    const invited = await screen.findByText(/^Invitation sent to alex\.rivera@example\.com\./);
    expect(invited.closest('[tabindex="-1"]')).toHaveFocus();
    await waitFor(() => expect(invitationRows()).toHaveLength(1));
    const [row] = invitationRows();
    expect(row).toHaveTextContent('Sent');
    expect(row).toHaveTextContent('Email queued');
    expect(backend.creates).toHaveLength(1);

    // Resend: at once, and says the old link is dead
    await user.click(
      within(row as HTMLElement).getByRole('button', {
        name: 'Resend the invitation for Alexandra Rivera',
      }),
    );
    expect(await screen.findByText(/The previous link no longer works\./)).toBeInTheDocument();
    expect(backend.resends).toHaveLength(1);
    await waitFor(() => expect(invitationRows()[0]).toHaveTextContent('Sent 2 times'));

    // Revoke: one clear confirmation; Cancel changes nothing
    const revokeButton = within(invitationRows()[0] as HTMLElement).getByRole('button', {
      name: 'Revoke the invitation for Alexandra Rivera',
    });
    await user.click(revokeButton);
    let dialog = await screen.findByRole('alertdialog', {
      name: 'Revoke the invitation for Alexandra Rivera?',
    });
    expect(dialog).toHaveAccessibleDescription(
      expect.stringContaining('The link sent to alex.rivera@example.com stops working at once'),
    );
    // Focus starts on the safe choice.
    expect(within(dialog).getByRole('button', { name: 'Keep invitation' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Keep invitation' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(revokeButton).toHaveFocus();
    expect(backend.revokes).toHaveLength(0);

    await user.click(revokeButton);
    dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke invitation' }));

    const revoked = await screen.findByText(
      'The invitation for Alexandra Rivera is revoked. Its link no longer works.',
    );
    expect(revoked.closest('[tabindex="-1"]')).toHaveFocus();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(backend.revokes).toHaveLength(1);
    await waitFor(() => expect(invitationRows()[0]).toHaveTextContent('Revoked'));
    expect(
      within(invitationRows()[0] as HTMLElement).queryByRole('button'),
    ).not.toBeInTheDocument();
  });

  it('explains a 409 in words: an invitation is still valid', async () => {
    const patient = patientFactory();
    serveInvitations(['admin'], patient, [invitationForPatient(patient)]);
    answer(
      'createInvitation',
      problem(
        409,
        'invitation_still_valid',
        'This patient has an invitation that has not expired yet. Resend it instead of creating a new one.',
        { title: 'The patient already has a valid invitation' },
      ),
    );
    const { user } = renderApp({ path: `/patients/${patient.id}/invitations` });

    await user.click(await screen.findByRole('button', { name: 'Invite to the portal' }));

    const message = await screen.findByText(
      'This patient already has an invitation that has not expired. Use Resend on that invitation to send a new link.',
    );
    expect(message.closest('[role="alert"]')).toHaveTextContent('The invitation was not sent');
    expect(screen.queryByText(/409/)).not.toBeInTheDocument();
  });

  it('explains a 409 in words: the patient already has an account', async () => {
    const patient = patientFactory();
    serveInvitations(['front-desk'], patient, [
      invitationForPatient(patient, { status: 'accepted', acceptedAt: '2026-03-01T10:00:00.000Z' }),
    ]);
    answer(
      'createInvitation',
      problem(
        409,
        'patient_has_account',
        'This patient already has a portal account, so no invitation is needed. A forgotten ' +
          'password can be reset from the sign-in page.',
        { title: 'The patient already has a portal account' },
      ),
    );
    const { user } = renderApp({ path: `/patients/${patient.id}/invitations` });

    expect(await screen.findByText('Accepted')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Invite to the portal' }));

    expect(
      await screen.findByText(
        /This patient already has a portal account, so no invitation is needed\./,
      ),
    ).toBeInTheDocument();
  });

  it('explains a 422 in words, with the way to add an email', async () => {
    const patient = patientFactory();
    serveInvitations(['front-desk'], patient);
    // The email was removed in another tab since this record was read.
    answer(
      'createInvitation',
      problem(
        422,
        'patient_email_missing',
        'Add the patient’s email address to their record, then send the invitation.',
        { title: 'The patient has no email address' },
      ),
    );
    const { user } = renderApp({ path: `/patients/${patient.id}/invitations` });

    await user.click(await screen.findByRole('button', { name: 'Invite to the portal' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The invitation was not sent');
    expect(alert).toHaveTextContent(
      'The patient has no email address on file. Add one to their details, then send the invitation.',
    );
    expect(within(alert).getByRole('link', { name: 'Add an email address' })).toHaveAttribute(
      'href',
      `/patients/${patient.id}/edit`,
    );
  });

  it('says up front when there is no email to invite to', async () => {
    const patient = patientFactory({ email: null, givenName: 'Jordan', familyName: 'Lee' });
    serveInvitations(['front-desk'], patient);
    renderApp({ path: `/patients/${patient.id}/invitations` });

    expect(await screen.findByText('No email address on file')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Invite to the portal' })).not.toBeInTheDocument();
  });

  it('shows delivery failures, lock and expiry in words', async () => {
    const patient = patientFactory();
    const now = Date.now();
    serveInvitations(['front-desk'], patient, [
      invitationForPatient(patient, {
        status: 'sent',
        locked: true,
        deliveryStatus: 'failed',
        deliveryAttempts: 5,
        createdAt: new Date(now - 2 * DAY).toISOString(),
      }),
      invitationForPatient(patient, {
        // The API reports an invitation past its expiry as expired.
        status: 'expired',
        expiresAt: new Date(now - DAY).toISOString(),
        createdAt: new Date(now - 10 * DAY).toISOString(),
      }),
    ]);
    renderApp({ path: `/patients/${patient.id}/invitations` });

    await screen.findByRole('table');
    const [locked, expired] = invitationRows();
    expect(locked).toHaveTextContent('Locked: too many wrong dates of birth');
    expect(locked).toHaveTextContent('Email failed');
    expect(locked).toHaveTextContent('5 tries so far');
    expect(locked).toHaveTextContent('2 days ago');
    expect(expired).toHaveTextContent('Expired');
  });

  it('is not offered to roles that do not manage invitations', async () => {
    const patient = patientFactory();
    const backend = serveInvitations(['nurse'], patient);
    renderApp({ path: `/patients/${patient.id}/invitations` });

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Alexandra Rivera');
    expect(await screen.findByRole('alert')).toHaveTextContent("You don't have access");
    expect(backend.lists).toHaveLength(0);
  });
});
