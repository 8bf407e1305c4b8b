import {
  invitationForPatient,
  patientFactory,
  problemResponse,
  staffAppPaths,
  staffAppProblems,
} from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { renderApp } from '../../../testing/render-app';
import { server } from '../../../testing/server';
import { signInStaff } from '../../../testing/staff-app';

const DAY = 86_400_000;

function invitationRows() {
  const table = screen.getByRole('table', { name: /^Invitations for / });
  return within(table).getAllByRole('row').slice(1);
}

describe("a patient's invitations", () => {
  it('invites, resends and revokes, asking once before revoking', async () => {
    const patient = patientFactory({ email: 'alex.rivera@example.com' });
    const backend = signInStaff(['front-desk'], { patients: [patient] });
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
    expect(backend.callsTo('createInvitation')).toHaveLength(1);

    // Resend: at once, and says the old link is dead
    await user.click(
      within(row as HTMLElement).getByRole('button', {
        name: 'Resend the invitation for Alexandra Rivera',
      }),
    );
    expect(await screen.findByText(/The previous link no longer works\./)).toBeInTheDocument();
    expect(backend.callsTo('resendInvitation')).toHaveLength(1);
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
    expect(backend.callsTo('revokeInvitation')).toHaveLength(0);

    await user.click(revokeButton);
    dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke invitation' }));

    const revoked = await screen.findByText(
      'The invitation for Alexandra Rivera is revoked. Its link no longer works.',
    );
    expect(revoked.closest('[tabindex="-1"]')).toHaveFocus();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(backend.callsTo('revokeInvitation')).toHaveLength(1);
    await waitFor(() => expect(invitationRows()[0]).toHaveTextContent('Revoked'));
    expect(
      within(invitationRows()[0] as HTMLElement).queryByRole('button'),
    ).not.toBeInTheDocument();
  });

  it('explains a 409 in words: an invitation is still valid', async () => {
    const patient = patientFactory();
    signInStaff(['admin'], {
      patients: [patient],
      invitations: [invitationForPatient(patient)],
    });
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
    signInStaff(['front-desk'], {
      patients: [patient],
      invitations: [
        invitationForPatient(patient, {
          status: 'accepted',
          acceptedAt: '2026-03-01T10:00:00.000Z',
        }),
      ],
    });
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
    signInStaff(['front-desk'], { patients: [patient] });
    // The email was removed in another tab since this record was read.
    server.use(
      http.post(staffAppPaths.patientInvitations, () =>
        problemResponse(staffAppProblems.patientEmailMissing()),
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
    signInStaff(['front-desk'], { patients: [patient] });
    renderApp({ path: `/patients/${patient.id}/invitations` });

    expect(await screen.findByText('No email address on file')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Invite to the portal' })).not.toBeInTheDocument();
  });

  it('shows delivery failures, lock and expiry in words', async () => {
    const patient = patientFactory();
    const now = Date.now();
    signInStaff(['front-desk'], {
      patients: [patient],
      invitations: [
        invitationForPatient(patient, {
          status: 'sent',
          locked: true,
          deliveryStatus: 'failed',
          deliveryAttempts: 5,
          createdAt: new Date(now - 2 * DAY).toISOString(),
        }),
        invitationForPatient(patient, {
          status: 'sent',
          expiresAt: new Date(now - DAY).toISOString(),
          createdAt: new Date(now - 10 * DAY).toISOString(),
        }),
      ],
    });
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
    const backend = signInStaff(['nurse'], { patients: [patient] });
    renderApp({ path: `/patients/${patient.id}/invitations` });

    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent('Alexandra Rivera');
    expect(await screen.findByRole('alert')).toHaveTextContent("You don't have access");
    expect(backend.callsTo('listInvitations')).toHaveLength(0);
  });
});
