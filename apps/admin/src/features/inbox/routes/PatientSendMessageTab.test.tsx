import {
  filledTemplateFactory,
  staffMessageFactory,
  staffConversationFactory,
  type MockStaffConversation,
} from '@portal/api-mocks';
import { screen, within } from '@testing-library/react';
import { answer } from '../../../testing/api';
import { patientFactory } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';
import { serveInbox } from '../testing/inbox';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('sending a message from the patient chart', () => {
  it('starts a conversation in the chosen pool and opens it', async () => {
    const { refills } = serveInbox();
    const patient = patientFactory();
    answer('getPatient', patient);
    // The answer is the new conversation, which the inbox then opens.
    let created: MockStaffConversation | undefined;
    const started = answer(
      'startConversationWithPatient',
      (call) =>
        (created = staffConversationFactory(
          {
            subject: call.body.subject,
            category: call.body.category,
            patient: { id: patient.id, name: 'Alex Rivera', mrn: patient.mrn },
            pool: { id: refills.id, name: refills.name },
            awaitingSince: null,
            replyDueAt: null,
          },
          [
            staffMessageFactory({
              kind: 'staff',
              body: call.body.body,
              authorName: 'Nico Navarro, RN',
            }),
          ],
        )),
      { status: 201 },
    );
    answer('getConversation', () => created!);
    answer('listFilledReplyTemplates', { items: [filledTemplateFactory()] });
    const { user, router } = renderApp({ path: `/patients/${patient.id}` });

    const tabs = await screen.findByRole('navigation', { name: 'Patient record sections' });
    await user.click(within(tabs).getByRole('link', { name: 'Send a message' }));
    const form = await screen.findByRole('form', { name: 'Send a message' });
    await user.click(within(form).getByRole('button', { name: 'Send message' }));
    expect(await screen.findByText('Write a subject.', { selector: 'a' })).toBeInTheDocument();
    expect(started).toHaveLength(0);

    await user.type(within(form).getByLabelText('Subject'), 'Your new prescription');
    await user.selectOptions(within(form).getByLabelText('Category'), 'Prescription');
    await user.selectOptions(within(form).getByLabelText(/^Pool/), 'Refill desk');
    await user.type(
      within(form).getByLabelText('Message to Alexandra Rivera'),
      'Your refill is ready at the pharmacy.',
    );
    await user.click(within(form).getByRole('button', { name: 'Send message' }));

    expect(await screen.findByText('Message sent to Alexandra Rivera.')).toBeInTheDocument();
    expect(started[0]!.params.patientId).toBe(patient.id);
    expect(started[0]!.body).toEqual({
      clientMessageId: expect.stringMatching(UUID),
      subject: 'Your new prescription',
      category: 'prescription',
      poolId: refills.id,
      body: 'Your refill is ready at the pharmacy.',
    });
    expect(router.state.location.pathname).toBe(`/inbox/${created!.id}`);
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your new prescription' }),
    ).toBeInTheDocument();
  });
});
