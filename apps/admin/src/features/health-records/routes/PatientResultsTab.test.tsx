import { problems } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { answer, page } from '../../../testing/api';
import {
  observationFactory,
  reportFactory,
  reportSummary,
  type Observation,
  type Report,
} from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';
import { serveRecords } from '../testing/records';

describe('patient record: results tab', () => {
  it('shows the API field error on the unit it refused, then the flag the API computed', async () => {
    const { patient } = serveRecords(['nurse']);
    // The lookup offers a unit the result route does not accept for this code.
    answer('searchCodes', {
      system: 'loinc',
      version: '2.80',
      items: [
        {
          code: '4548-4',
          display: 'Hemoglobin A1c',
          unit: '%',
          units: ['%', 'g/dL'],
          referenceLow: 4,
          referenceHigh: 5.6,
        },
      ],
    });
    const saved: Report[] = [];
    answer('listResults', () => page(saved.map(reportSummary)));
    answer('getResult', () => saved[0]!);
    // The API refuses the unit, then saves the result with the flag it computed.
    const creates = answer('createResult', ({ body }) => {
      const value = body.observations[0]!;
      if (value.unit !== '%') {
        return problems.validation([
          {
            field: 'observations[0].unit',
            message: 'Use one of these units for Hemoglobin A1c: %, mmol/mol.',
          },
        ]);
      }
      const report = reportFactory({
        patientId: patient.id,
        title: body.title,
        observations: [
          observationFactory({
            valueQuantity: value.valueQuantity ?? null,
            unit: value.unit,
            interpretation: 'H',
            abnormal: true,
          }),
        ],
      });
      saved.push(report);
      return report;
    });
    const { user } = renderApp({ path: `/patients/${patient.id}/results` });

    await user.click(await screen.findByRole('button', { name: 'Enter a result' }));
    const form = screen.getByRole('form', { name: 'Enter a result' });
    await user.type(within(form).getByLabelText('Title'), 'HbA1c');
    await user.type(within(form).getByRole('combobox', { name: 'Test' }), 'A1c');
    await user.click(await within(form).findByRole('option', { name: '4548-4 Hemoglobin A1c' }));
    await user.type(within(form).getByLabelText('Value'), '6.1');
    expect(within(form).getByLabelText('Range low (optional)')).toHaveValue('4');
    await user.selectOptions(within(form).getByLabelText('Unit'), 'g/dL');
    await user.click(within(form).getByRole('button', { name: 'Save result' }));

    const unit = within(form).getByLabelText('Unit');
    await waitFor(() =>
      expect(unit).toHaveAccessibleDescription(
        'Use one of these units for Hemoglobin A1c: %, mmol/mol.',
      ),
    );
    expect(unit).toHaveAttribute('aria-invalid', 'true');
    expect(unit).toHaveFocus();
    expect(creates[0]?.body).toMatchObject({
      category: 'laboratory',
      title: 'HbA1c',
      status: 'final',
      observations: [
        { code: '4548-4', valueQuantity: 6.1, unit: 'g/dL', referenceLow: 4, referenceHigh: 5.6 },
      ],
    });
    expect(creates).toHaveLength(1);

    await user.selectOptions(unit, '%');
    await user.click(within(form).getByRole('button', { name: 'Save result' }));
    expect(
      await screen.findByText('HbA1c is saved and released to the patient.'),
    ).toBeInTheDocument();
    const values = await screen.findByRole('table', { name: 'Values of HbA1c' });
    const row = within(values).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('6.1 %');
    expect(row).toHaveTextContent('4–5.6');
    expect(row).toHaveTextContent('High');
  });

  it('releases a held result after one confirmation', async () => {
    const { patient } = serveRecords(['provider']);
    let held = reportFactory({
      patientId: patient.id,
      title: 'Lipid panel',
      releaseState: 'held',
      observations: [
        observationFactory({
          code: '2093-3',
          display: 'Cholesterol, total',
          valueQuantity: 240,
          unit: 'mg/dL',
          referenceLow: null,
          referenceHigh: 200,
          interpretation: 'H',
          abnormal: true,
        }),
      ],
    });
    answer('listResults', () => page([reportSummary(held)]));
    answer('getResult', () => held);
    const releases = answer('releaseResult', () => {
      held = {
        ...held,
        releaseState: 'released',
        releasedAt: new Date().toISOString(),
        version: 2,
      };
      return held;
    });
    const { user } = renderApp({ path: `/patients/${patient.id}/results` });

    const reports = await screen.findByRole('table', { name: 'Reports' });
    const row = within(reports).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('Held');
    expect(row).toHaveTextContent('Outside the usual range');
    await user.click(within(row).getByRole('button', { name: 'Open Lipid panel' }));

    const detail = await screen.findByRole('region', { name: 'Lipid panel' });
    expect(
      within(detail).getByText('Held: the patient does not see this yet.'),
    ).toBeInTheDocument();
    await user.click(within(detail).getByRole('button', { name: 'Release to patient' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Release this result?' });
    expect(within(confirm).getByRole('button', { name: 'Keep held' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Release to patient' }));

    expect(
      await screen.findByText('Lipid panel is released. The patient gets an email.'),
    ).toBeInTheDocument();
    expect(releases).toHaveLength(1);
    expect(releases[0]?.body).toEqual({ version: 1 });
    await waitFor(() =>
      expect(
        within(screen.getByRole('table', { name: 'Reports' })).getAllByRole('row')[1],
      ).toHaveTextContent('Released'),
    );
    expect(screen.queryByRole('button', { name: 'Release to patient' })).not.toBeInTheDocument();
  });

  it('lets nurses correct a value but not release', async () => {
    const { patient } = serveRecords(['nurse']);
    const held = reportFactory({ patientId: patient.id, releaseState: 'held' });
    // The correction dialog looks up the units the code allows.
    answer('searchCodes', {
      system: 'loinc',
      version: '2.80',
      items: [
        {
          code: '4548-4',
          display: 'Hemoglobin A1c',
          unit: '%',
          units: ['%', 'mmol/mol'],
          referenceLow: 4,
          referenceHigh: 5.6,
        },
      ],
    });
    answer('listResults', page([reportSummary(held)]));
    answer('getResult', held);
    const corrections = answer('updateObservation', ({ body }): Observation => ({
      ...held.observations[0]!,
      valueQuantity: body.valueQuantity ?? null,
      interpretation: 'H',
      abnormal: true,
      corrected: true,
      version: 2,
    }));
    const { user } = renderApp({ path: `/patients/${patient.id}/results?report=${held.id}` });

    const detail = await screen.findByRole('region', { name: 'Hemoglobin A1c' });
    expect(
      within(detail).getByText('Held: the patient does not see this yet.'),
    ).toBeInTheDocument();
    expect(
      within(detail).queryByRole('button', { name: 'Release to patient' }),
    ).not.toBeInTheDocument();

    await user.click(within(detail).getByRole('button', { name: 'Correct Hemoglobin A1c' }));
    const dialog = screen.getByRole('dialog', { name: 'Correct Hemoglobin A1c' });
    const value = within(dialog).getByLabelText('Value');
    await user.clear(value);
    await user.type(value, '5.9');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(within(dialog).getByLabelText('Reason for the correction')).toHaveAccessibleDescription(
      expect.stringContaining('Say why you are correcting it.'),
    );
    expect(corrections).toHaveLength(0);
    await user.type(within(dialog).getByLabelText('Reason for the correction'), 'Typo');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(
      await screen.findByText('Hemoglobin A1c is corrected to 5.9 % (High).'),
    ).toBeInTheDocument();
    expect(corrections[0]?.body).toEqual({
      version: 1,
      reason: 'Typo',
      valueQuantity: 5.9,
    });
  });

  it('enters vital signs with only the filled measurements', async () => {
    const { patient } = serveRecords(['nurse']);
    const measured: Observation[] = [];
    answer('listVitals', () => page(measured));
    const entries = answer('createVitalSigns', ({ body }) => {
      const items = body.observations.map((measurement) =>
        observationFactory({
          category: 'vital-signs',
          code: measurement.code,
          display: measurement.code,
          valueQuantity: measurement.valueQuantity ?? null,
          unit: measurement.unit ?? null,
          referenceLow: null,
          referenceHigh: null,
          interpretation: null,
        }),
      );
      measured.push(...items);
      return { items };
    });
    const { user } = renderApp({ path: `/patients/${patient.id}/results` });

    await user.click(await screen.findByRole('button', { name: 'Enter vital signs' }));
    const form = screen.getByRole('form', { name: 'Enter vital signs' });
    await user.type(within(form).getByLabelText('Systolic blood pressure (mmHg)'), '128');
    await user.type(within(form).getByLabelText('Diastolic blood pressure (mmHg)'), '82');
    await user.type(within(form).getByLabelText('Weight'), '154');
    await user.selectOptions(within(form).getByLabelText('Unit of Weight'), 'lb');
    await user.click(within(form).getByRole('button', { name: 'Save vital signs' }));

    expect(await screen.findByText('3 measurements are saved.')).toBeInTheDocument();
    const body = entries[0]!.body;
    expect(body.observations).toEqual([
      { code: '8480-6', valueQuantity: 128, unit: 'mm[Hg]' },
      { code: '8462-4', valueQuantity: 82, unit: 'mm[Hg]' },
      { code: '29463-7', valueQuantity: 154, unit: '[lb_av]' },
    ]);
    const vitals = await screen.findByRole('table', { name: 'Vital signs' });
    expect(within(vitals).getByText('154 lb')).toBeInTheDocument();
  });
});
