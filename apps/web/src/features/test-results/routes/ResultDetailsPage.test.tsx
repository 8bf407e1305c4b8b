import { deviceTimeZone } from '@portal/ui';
import { problemFactory } from '@portal/api-mocks';
import { screen, waitFor, within } from '@testing-library/react';
import { HttpResponse } from 'msw';
import {
  observationFactory,
  pageOf,
  resultReportFactory,
  resultSummaryOf,
} from '../../../testing/factories';
import { fileResponse, mockApi, problem } from '../../../testing/mock-api';
import { renderApp } from '../../../testing/render-app';
import type { ResultReport } from '../api';
import { PATIENT_ID, signIn, writtenOut } from '../test-fixtures';
// Compiled up front, so the lazy route resolves as fast as it would in a browser.
import './ResultDetailsPage';

function lipidAndSugar() {
  return resultReportFactory({
    title: 'Diabetes check',
    effectiveAt: '2026-11-20T14:30:00.000Z',
    isNew: true,
    observations: [
      observationFactory({
        code: '4548-4',
        display: 'Hemoglobin A1c/Hemoglobin.total in Blood',
        plainName: 'A1c (average blood sugar over 3 months)',
        valueQuantity: 7.2,
        unit: '%',
        referenceLow: 4,
        referenceHigh: 5.6,
        interpretation: 'H',
        abnormal: true,
      }),
      observationFactory({
        code: '2085-9',
        display: 'HDL cholesterol',
        valueQuantity: 35,
        unit: 'mg/dL',
        referenceLow: 40,
        referenceHigh: null,
        interpretation: 'L',
        abnormal: true,
      }),
      observationFactory({
        code: '2345-7',
        display: 'Glucose',
        valueQuantity: 90,
        unit: 'mg/dL',
        referenceLow: 70,
        referenceHigh: 99,
        interpretation: 'N',
        abnormal: false,
      }),
      observationFactory({
        code: '5778-6',
        display: 'Urine color',
        valueQuantity: null,
        valueText: 'Yellow',
        unit: null,
        referenceLow: null,
        referenceHigh: null,
        interpretation: null,
      }),
    ],
  });
}

/** Signs in and answers the report; the first opening clears its "new" mark on the server. */
function useReport(report: ResultReport) {
  signIn();
  return mockApi('get', '/api/v1/patients/{patientId}/results/{reportId}', {
    ...report,
    isNew: false,
  });
}

function valueCard(name: string): HTMLElement {
  return screen.getByRole('heading', { level: 3, name }).closest('li') as HTMLElement;
}

describe('one test result', () => {
  it('says each value against its usual range in words, with a generic tab title', async () => {
    const report = lipidAndSugar();
    const opened = useReport(report);
    renderApp({ path: `/results/${report.id}` });

    expect(await screen.findByRole('heading', { level: 1, name: 'Diabetes check' })).toBeVisible();
    expect(document.title).toBe('Test result – Patient Portal');
    expect(document.title).not.toMatch(/Diabetes|A1c|Glucose|cholesterol/i);
    expect(screen.getByText(writtenOut(report.effectiveAt))).toBeInTheDocument();
    expect(opened.map((call) => call.params)).toEqual([
      { patientId: PATIENT_ID, reportId: report.id },
    ]);

    // The everyday name leads; the medical term stays beside it.
    const a1c = valueCard('A1c (average blood sugar over 3 months)');
    expect(a1c).toHaveTextContent('Medical term: Hemoglobin A1c/Hemoglobin.total in Blood');
    expect(a1c).toHaveTextContent(
      'Your result is 7.2 %. The usual range is 4.0 to 5.6 %. This is higher than the usual range.',
    );
    expect(a1c).toHaveTextContent('▲ Higher than the usual range');
    // The range picture repeats the sentence, so screen readers skip it.
    expect(a1c.querySelector('.results-range')).toHaveAttribute('aria-hidden', 'true');

    const hdl = valueCard('HDL cholesterol');
    expect(hdl).toHaveTextContent(
      'Your result is 35 mg/dL. The usual range is 40 mg/dL or higher. This is lower than the usual range.',
    );
    expect(hdl).toHaveTextContent('▼ Lower than the usual range');

    const glucose = valueCard('Glucose');
    expect(glucose).toHaveTextContent(
      'Your result is 90 mg/dL. The usual range is 70 to 99 mg/dL. This is within the usual range.',
    );
    expect(glucose).not.toHaveTextContent('Higher than');
    expect(glucose).not.toHaveTextContent('Lower than');

    expect(hdl).not.toHaveTextContent('Medical term');

    const urine = valueCard('Urine color');
    expect(urine).toHaveTextContent('Your result is: Yellow.');
    expect(within(urine).queryByRole('link')).not.toBeInTheDocument();

    expect(
      within(a1c).getByRole('link', {
        name: 'See changes over time for A1c (average blood sugar over 3 months)',
      }),
    ).toHaveAttribute('href', '/results/trends/4548-4');
    expect(
      within(glucose).getByRole('link', { name: 'See changes over time for Glucose' }),
    ).toHaveAttribute('href', '/results/trends/2345-7');
  });

  it('clears the New badge once opened, on the server and in the list', async () => {
    const report = lipidAndSugar();
    const older = resultReportFactory({
      title: 'Kidney check',
      effectiveAt: '2026-10-01T14:00:00.000Z',
    });
    const views = useReport(report);
    const lists = mockApi(
      'get',
      '/api/v1/patients/{patientId}/results',
      pageOf([report, older].map(resultSummaryOf)),
    );
    const { user } = renderApp({ path: '/results' });

    const link = await screen.findByRole('link', { name: 'Diabetes check' });
    expect(link.closest('h2')).toHaveTextContent('Diabetes check New');
    expect(views).toEqual([]);

    await user.click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'Diabetes check' })).toBeVisible();
    expect(views.map((call) => call.params.reportId)).toEqual([report.id]);

    await user.click(screen.getByRole('link', { name: 'Back to your test results' }));
    const back = await screen.findByRole('link', { name: 'Diabetes check' });
    expect(back.closest('h2')).toHaveTextContent(/^Diabetes check$/);
    expect(screen.queryByText('New')).not.toBeInTheDocument();
    // Said from what the app already had: the list was not asked for again.
    expect(lists).toHaveLength(1);
  });

  it('marks corrected reports and values', async () => {
    const report = resultReportFactory({
      title: 'Kidney check',
      corrected: true,
      status: 'corrected',
      observations: [
        observationFactory({
          display: 'Creatinine',
          code: '2160-0',
          valueQuantity: 1.1,
          unit: 'mg/dL',
          referenceLow: 0.6,
          referenceHigh: 1.3,
          corrected: true,
          status: 'corrected',
        }),
      ],
    });
    useReport(report);
    renderApp({ path: `/results/${report.id}` });

    expect(
      await screen.findByText('This result was corrected after it was first shared with you.'),
    ).toBeInTheDocument();
    expect(valueCard('Creatinine')).toHaveTextContent(
      'Corrected This value was corrected after it was first shared with you.',
    );
  });

  it('shows the report’s words for imaging and downloads the PDF and the attachment', async () => {
    const report = resultReportFactory({
      title: 'Chest X-ray',
      category: 'imaging',
      code: null,
      observations: [],
      narrative: 'The lungs are clear.\nThe heart is a normal size.',
      hasAttachment: true,
      attachmentName: 'chest-xray.pdf',
    });
    useReport(report);
    const pdfs = mockApi(
      'get',
      '/api/v1/patients/{patientId}/results/{reportId}/report.pdf',
      fileResponse('%PDF-1.4\n% Test result\n%%EOF\n', 'application/pdf', 'report.pdf'),
    );
    const attachments = mockApi(
      'get',
      '/api/v1/patients/{patientId}/results/{reportId}/attachment',
      fileResponse('%PDF-1.4\n% Attachment\n%%EOF\n', 'application/pdf', 'chest-xray.pdf'),
    );
    const saved: Blob[] = [];
    Object.assign(URL, {
      createObjectURL: jest.fn((blob: Blob) => {
        saved.push(blob);
        return 'blob:result';
      }),
      revokeObjectURL: jest.fn(),
    });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { user } = renderApp({ path: `/results/${report.id}` });

    const narrative = await screen.findByRole('region', { name: 'What the report says' });
    expect(narrative).toHaveTextContent('The lungs are clear. The heart is a normal size.');
    expect(screen.queryByRole('region', { name: 'Your results' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Download PDF' }));
    await waitFor(() =>
      expect(pdfs.map((call) => call.params)).toEqual([
        { patientId: PATIENT_ID, reportId: report.id },
      ]),
    );
    expect(pdfs.map((call) => call.query)).toEqual([{ timeZone: deviceTimeZone() }]);
    await user.click(
      screen.getByRole('button', { name: 'Download the attached file (chest-xray.pdf)' }),
    );
    await waitFor(() => expect(attachments).toHaveLength(1));
    expect(attachments.map((call) => call.params)).toEqual([
      { patientId: PATIENT_ID, reportId: report.id },
    ]);
    expect(saved.map((blob) => blob.type)).toEqual(['application/pdf', 'application/pdf']);
    expect(click.mock.contexts.map((link) => (link as HTMLAnchorElement).download)).toEqual([
      'test-result.pdf',
      'chest-xray.pdf',
    ]);
    expect(await (saved[0] as Blob).text()).toMatch(/^%PDF-/);
    click.mockRestore();
  });

  it('says so in words when the PDF cannot be fetched', async () => {
    const report = resultReportFactory();
    useReport(report);
    mockApi(
      'get',
      '/api/v1/patients/{patientId}/results/{reportId}/report.pdf',
      HttpResponse.error(),
    );
    const { user } = renderApp({ path: `/results/${report.id}` });

    await user.click(await screen.findByRole('button', { name: 'Download PDF' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We could not get the file. Check your internet connection, then try again.',
    );
  });

  it('says a result it cannot find is not there, and leads back to the list', async () => {
    signIn();
    mockApi(
      'get',
      '/api/v1/patients/{patientId}/results/{reportId}',
      problem(
        problemFactory({
          status: 404,
          code: 'result_not_found',
          title: 'Not found',
          detail: 'No test result was found with this id.',
        }),
      ),
    );
    renderApp({ path: '/results/0190b5d2-7c4e-7000-8000-00000000dead' });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'We could not find this test result' }),
    ).toBeVisible();
    expect(document.title).toBe('Test result – Patient Portal');
    expect(screen.getByRole('link', { name: 'Back to your test results' })).toHaveAttribute(
      'href',
      '/results',
    );
  });

  it('reads blood pressure as one value, top number first, with each number in words', async () => {
    const vitals = resultReportFactory({
      title: 'Vital signs',
      category: 'other',
      observations: [
        observationFactory({
          code: '8462-4',
          display: 'Diastolic blood pressure',
          valueQuantity: 82,
          unit: 'mm[Hg]',
          referenceLow: null,
          referenceHigh: 80,
          interpretation: 'H',
          abnormal: true,
        }),
        observationFactory({
          code: '8867-4',
          display: 'Heart rate',
          valueQuantity: 72,
          unit: '/min',
          referenceLow: null,
          referenceHigh: null,
          interpretation: null,
        }),
        observationFactory({
          code: '8480-6',
          display: 'Systolic blood pressure',
          valueQuantity: 128,
          unit: 'mm[Hg]',
          referenceLow: null,
          referenceHigh: 130,
          interpretation: 'N',
          abnormal: false,
        }),
      ],
    });
    useReport(vitals);
    renderApp({ path: `/results/${vitals.id}` });

    const values = await screen.findByRole('region', { name: 'Your results' });
    expect(
      within(values)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Blood pressure', 'Heart rate']);
    const pressure = valueCard('Blood pressure');
    expect(pressure).toHaveTextContent('Your blood pressure is 128/82 mmHg.');
    expect(
      within(pressure)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Top number (systolic): 128. The usual range is 130 mmHg or lower. This is within the usual range. ',
      'Bottom number (diastolic): 82. The usual range is 80 mmHg or lower. ▲ Higher than the usual range',
    ]);
    expect(
      within(pressure).getByRole('link', { name: 'See changes over time for Blood pressure' }),
    ).toHaveAttribute('href', '/results/trends/8480-6');
  });
});
