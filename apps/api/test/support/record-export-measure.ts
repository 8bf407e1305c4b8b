/**
 * Measures the record downloads on a large record: 20,000 observations (400 reports of 50)
 * plus 1,000 vital signs. Prints the time to the last byte and the peak RSS of the process
 * (which serves and reads at once, so the figure is an upper bound). Not a test: timings
 * depend on the machine. Run from apps/api, after `npm run build`:
 *
 *   npx tsc -p tsconfig.json --outDir .measure && \
 *     TEST_DATABASE_URL=postgres://… node .measure/test/support/record-export-measure.js
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { signedInPatient } from './appointment-flow.js';
import { insertReport, insertVitals } from './record-export-fixtures.js';
import { startTestApp } from './test-app.js';

async function main(): Promise<void> {
  const testApp = await startTestApp({ STAFF_SECOND_FACTOR_REQUIRED: 'false' });
  try {
    const db = testApp.app.get<DataSource>(getDataSourceToken());
    const patient = await signedInPatient(testApp);
    const id = patient.patient.id;
    const started = Date.now();
    for (let report = 0; report < 400; report += 1) {
      await insertReport(db, id, {
        title: `Panel ${report + 1}`,
        bulk: 50,
        effectiveAt: new Date(Date.now() - report * 86_400_000),
      });
    }
    await insertVitals(db, id, 1000);
    process.stdout.write(`record written in ${Date.now() - started} ms\n`);
    const cookie = [...patient.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');

    for (const path of ['health-record.pdf', 'health-record.fhir.json', 'health-summary']) {
      global.gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 10);
      const cpu = process.cpuUsage();
      const begin = performance.now();
      const response = await testApp.fetch(`/api/v1/patients/${id}/${path}`, {
        headers: { cookie },
      });
      let bytes = 0;
      for await (const chunk of response.body!) bytes += (chunk as Uint8Array).length;
      const ms = performance.now() - begin;
      const used = process.cpuUsage(cpu);
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
      process.stdout.write(
        `${path}: status ${response.status}, ${(bytes / 1024).toFixed(0)} KiB in ${ms.toFixed(0)} ms (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms); ` +
          `RSS before ${mb(baseline)} MB, peak ${mb(peak)} MB\n`,
      );
    }
  } finally {
    await testApp.close();
  }
}

void main();
