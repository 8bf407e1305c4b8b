import { screen, waitFor, within } from '@testing-library/react';
import { answer, page } from '../../../testing/api';
import {
  conditionFactory,
  medicationFactory,
  type Condition,
  type Medication,
} from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';
import { serveRecords } from '../testing/records';

function tabNames() {
  const tabs = screen.getByRole('navigation', { name: 'Patient record sections' });
  return within(tabs)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

describe('patient record: medical record tab', () => {
  it('adds a condition picked with the code lookup and sends the code, not the words', async () => {
    const { patient, staff } = serveRecords(['provider']);
    answer('searchCodes', {
      system: 'icd10cm',
      version: '2026',
      items: [{ code: 'I10', display: 'Essential (primary) hypertension' }],
    });
    const conditions: Condition[] = [];
    answer('listConditions', () => page(conditions));
    const creates = answer('createCondition', ({ body }) => {
      const created = conditionFactory({ patientId: patient.id, ...body, recordedBy: staff });
      conditions.push(created);
      return created;
    });
    const { user } = renderApp({ path: `/patients/${patient.id}/record` });

    expect(await screen.findByText('No conditions recorded.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    const dialog = screen.getByRole('dialog', { name: 'Add condition' });
    const lookup = within(dialog).getByRole('combobox', { name: 'Diagnosis' });
    await user.type(lookup, 'hyp');
    const option = await within(dialog).findByRole('option', {
      name: 'I10 Essential (primary) hypertension',
    });
    expect(lookup).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}');
    expect(lookup).toHaveAttribute('aria-activedescendant', option.id);
    await user.keyboard('{Enter}');
    expect(lookup).toHaveValue('I10 Essential (primary) hypertension');
    expect(lookup).toHaveAttribute('aria-expanded', 'false');
    await user.type(within(dialog).getByLabelText('Onset (optional)'), '2024-05-01');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('The condition is added.')).toBeInTheDocument();
    expect(creates).toHaveLength(1);
    expect(creates[0]?.body).toEqual({
      code: 'I10',
      clinicalStatus: 'active',
      onsetDate: '2024-05-01',
    });
    const table = screen.getByRole('table', { name: 'Conditions' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('I10 Essential (primary) hypertension');
    expect(row).toHaveTextContent('Active');
    expect(row).toHaveTextContent('Sam Okafor');
  });

  it('refuses a correction without a reason, then keeps the earlier version in the history', async () => {
    const { patient, staff } = serveRecords(['nurse']);
    const original = conditionFactory({ patientId: patient.id });
    let current = original;
    answer('listConditions', () => page([current]));
    const updates = answer('updateCondition', ({ body }) => {
      const { reason: _reason, ...changes } = body;
      current = { ...original, ...changes, version: 2, corrected: true } as Condition;
      return current;
    });
    answer('getConditionHistory', {
      items: [
        {
          version: 1,
          changedAt: '2026-03-03T15:00:00.000Z',
          changedBy: staff,
          reason: 'Blood pressure normal for a year',
          snapshot: original,
        },
      ],
    });
    const { user } = renderApp({ path: `/patients/${patient.id}/record` });

    const table = await screen.findByRole('table', { name: 'Conditions' });
    expect(within(table).queryByText('Corrected')).not.toBeInTheDocument();
    await user.click(
      within(table).getByRole('button', { name: 'Correct I10 Essential (primary) hypertension' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Correct condition' });
    await user.selectOptions(within(dialog).getByLabelText('Status'), 'Resolved');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    const reason = within(dialog).getByLabelText('Reason for the correction');
    expect(reason).toHaveAccessibleDescription(
      expect.stringContaining('Say why you are correcting it.'),
    );
    expect(reason).toHaveFocus();
    expect(updates).toHaveLength(0);

    await user.type(reason, 'Blood pressure normal for a year');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText('The condition is corrected. The earlier version is in its history.'),
    ).toBeInTheDocument();
    expect(updates[0]?.body).toEqual({
      version: 1,
      clinicalStatus: 'resolved',
      reason: 'Blood pressure normal for a year',
    });
    const row = within(screen.getByRole('table', { name: 'Conditions' })).getAllByRole('row')[1]!;
    await waitFor(() => expect(row).toHaveTextContent('Resolved'));
    expect(row).toHaveTextContent('Corrected');

    await user.click(
      within(row).getByRole('button', { name: 'History I10 Essential (primary) hypertension' }),
    );
    const history = screen.getByRole('dialog', { name: 'Earlier versions' });
    const versions = await within(history).findByRole('list', { name: 'Earlier versions' });
    const [first] = within(versions).getAllByRole('listitem');
    expect(first).toHaveTextContent('Version 1 · changed by Sam Okafor');
    expect(first).toHaveTextContent('Reason: Blood pressure normal for a year');
    expect(first).toHaveTextContent('StatusActive');
    expect(first).toHaveTextContent('DiagnosisI10 Essential (primary) hypertension');
  });

  it('gives front desk neither the record nor the results tab', async () => {
    const { patient, clinicalReads } = serveRecords(['front-desk']);
    renderApp({ path: `/patients/${patient.id}/record` });

    expect(await screen.findByText("You don't have access")).toBeInTheDocument();
    expect(tabNames()).toEqual(['Details', 'Appointments', 'Invitations', 'Send a message']);
    expect(clinicalReads()).toHaveLength(0);
  });

  it('lets admins read the record without changing it', async () => {
    const { patient } = serveRecords(['admin']);
    answer('listConditions', page([conditionFactory({ patientId: patient.id })]));
    renderApp({ path: `/patients/${patient.id}/record` });

    const table = await screen.findByRole('table', { name: 'Conditions' });
    expect(within(table).getByText('I10 Essential (primary) hypertension')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Add / })).not.toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: /^Correct/ })).not.toBeInTheDocument();
  });

  it('adds a medication coded from the RxNorm list, then stops it with a reason', async () => {
    const { patient, staff } = serveRecords(['nurse']);
    answer('searchCodes', {
      system: 'rxnorm',
      version: '2026',
      items: [{ code: '314076', display: 'lisinopril 10 MG Oral Tablet' }],
    });
    const medications: Medication[] = [];
    answer('listMedications', () => page(medications));
    const creates = answer('createMedication', ({ body }) => {
      const created = medicationFactory({ patientId: patient.id, ...body, recordedBy: staff });
      medications.push(created);
      return created;
    });
    const updates = answer('updateMedication', ({ body }) => {
      const { reason: _reason, ...changes } = body;
      medications[0] = { ...medications[0]!, ...changes, version: 2, corrected: true };
      return medications[0];
    });
    const { user } = renderApp({ path: `/patients/${patient.id}/record` });

    expect(await screen.findByText('No medications recorded.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add medication' }));
    const dialog = screen.getByRole('dialog', { name: 'Add medication' });
    await user.type(within(dialog).getByRole('combobox', { name: 'Medication' }), 'lisin');
    await user.click(
      await within(dialog).findByRole('option', { name: '314076 lisinopril 10 MG Oral Tablet' }),
    );
    await user.type(within(dialog).getByLabelText('Dose (optional)'), '10 mg');
    await user.selectOptions(within(dialog).getByLabelText('Route (optional)'), 'Oral');
    await user.type(within(dialog).getByLabelText('How often (optional)'), 'Once a day');
    await user.type(within(dialog).getByLabelText('Started'), '2026-01-05');
    await user.type(within(dialog).getByLabelText('Refills remaining (optional)'), '3');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('The medication is added.')).toBeInTheDocument();
    expect(creates[0]?.body).toEqual({
      rxnormCode: '314076',
      dose: '10 mg',
      route: 'oral',
      frequency: 'Once a day',
      startDate: '2026-01-05',
      status: 'active',
      refillsRemaining: 3,
    });
    const table = screen.getByRole('table', { name: 'Medications' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('314076 lisinopril 10 MG Oral Tablet');
    expect(row).toHaveTextContent('Active');

    await user.click(
      within(row).getByRole('button', { name: 'Correct 314076 lisinopril 10 MG Oral Tablet' }),
    );
    const correction = screen.getByRole('dialog', { name: 'Correct medication' });
    await user.selectOptions(within(correction).getByLabelText('Status'), 'Stopped');
    await user.type(within(correction).getByLabelText('Ended (optional)'), '2026-02-01');
    await user.type(within(correction).getByLabelText('Reason for the correction'), 'Cough');
    await user.click(within(correction).getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(
        'The medication is corrected. The earlier version is in its history.',
      ),
    ).toBeInTheDocument();
    expect(updates[0]?.body).toEqual({
      version: 1,
      status: 'stopped',
      endDate: '2026-02-01',
      reason: 'Cough',
    });
    await waitFor(() => expect(row).toHaveTextContent('Stopped'));
  });
});
