import { screen, within } from '@testing-library/react';
import { answer } from '../../../testing/api';
import { problem } from '../../../testing/factories';
import { renderApp } from '../../../testing/render-app';
import { serveResults } from '../testing/review';

/** A file as the browser gives it; jsdom's File has no text(), which every browser has. */
function textFile(content: string, name: string, type: string): File {
  const file = new File([content], name, { type });
  Object.defineProperty(file, 'text', { value: () => Promise.resolve(content) });
  return file;
}

const HEADER =
  'mrn,report_code,report_title,effective_at,loinc_code,value,unit,reference_low,reference_high,interpretation,status';

describe('import results', () => {
  it('sends the file as text and lists the rows the API refused, importing nothing', async () => {
    const { alex } = serveResults(['nurse']);
    const imports = answer(
      'importResults',
      problem(
        400,
        'import_rejected',
        'Nothing was imported. Fix the rows listed and upload the file again.',
        {
          title: 'The file was not imported',
          errors: [{ field: 'line 3', message: 'Unknown LOINC code 9999-9.' }],
        },
      ),
    );
    const csv = [
      HEADER,
      `${alex.mrn},24331-1,Lipid panel,2026-03-01T14:00:00Z,2093-3,190,mg/dL,,200,,final`,
      `${alex.mrn},24331-1,Lipid panel,2026-03-01T14:00:00Z,9999-9,1,mg/dL,,,,final`,
    ].join('\n');
    const { user } = renderApp({ path: '/results-review/import' });

    const input = await screen.findByLabelText('File');
    expect(input).toHaveAttribute('accept', '.csv,.json');
    await user.upload(input, textFile(csv, 'march.csv', 'text/csv'));
    expect(await screen.findByText('march.csv: CSV file with 2 rows.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import' }));

    const table = await screen.findByRole('table', { name: '1 problem' });
    const [, row] = within(table).getAllByRole('row');
    expect(row).toHaveTextContent('line 3');
    expect(row).toHaveTextContent('Unknown LOINC code 9999-9.');
    expect(screen.getByText('Nothing was imported')).toBeInTheDocument();
    expect(imports[0]?.body).toEqual({
      format: 'csv',
      fileName: 'march.csv',
      content: csv,
    });
  });

  it('detects a FHIR bundle from the extension and sums up what was imported', async () => {
    serveResults(['provider']);
    const imports = answer('importResults', {
      importId: 'import-1',
      reports: 1,
      observations: 2,
      patients: 0,
    });
    const bundle = JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { resource: { resourceType: 'DiagnosticReport' } },
        { resource: { resourceType: 'Observation' } },
        { resource: { resourceType: 'Observation' } },
      ],
    });
    const { user } = renderApp({ path: '/results-review/import' });

    await user.upload(
      await screen.findByLabelText('File'),
      textFile(bundle, 'bundle.json', 'application/json'),
    );
    expect(await screen.findByText('bundle.json: FHIR bundle with 3 entries.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByText('1 reports with 2 values for 0 patients.')).toBeInTheDocument();
    expect(imports[0]?.body).toMatchObject({ format: 'fhir' });
  });
});
