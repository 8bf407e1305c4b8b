import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../src/config/config.js';
import { ClinicIdentityService } from '../src/modules/clinic/clinic-identity.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('the clinic’s identity', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ CLINIC_NAME: 'Lakeside Test Clinic' });
  });
  afterAll(() => testApp?.close());

  it('tells anyone, signed in or not, the name, colour and versioned logo URL', async () => {
    const response = await testApp.fetch('/api/v1/clinic');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const body = (await response.json()) as { logoUrl: string };
    expect(body).toEqual({
      name: 'Lakeside Test Clinic',
      brandColor: '#1f6f5c',
      logoUrl: expect.stringMatching(/^\/api\/v1\/clinic\/logo\?v=[0-9a-f]{16}$/),
      phone: '+1 555 010 0100',
    });

    const logo = await testApp.fetch(body.logoUrl);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toBe('image/png');
    expect(logo.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = Buffer.from(await logo.arrayBuffer());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const again = await testApp.fetch(body.logoUrl, {
      headers: { 'if-none-match': logo.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
  });

  it('answers 404 problem+json for the logo of a clinic that has none', async () => {
    const bare = await startTestApp({ CLINIC_LOGO: '' });
    try {
      expect(
        ((await (await bare.fetch('/api/v1/clinic')).json()) as { logoUrl: unknown }).logoUrl,
      ).toBeNull();
      const logo = await bare.fetch('/api/v1/clinic/logo');
      expect(logo.status).toBe(404);
      expect(logo.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(((await logo.json()) as { code: string }).code).toBe('logo_not_found');
    } finally {
      await bare.close();
    }
  });

  it('refuses a logo that is not an image, whatever its name', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'clinic-logo-'));
    const fake = path.join(folder, 'logo.png');
    writeFileSync(fake, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    // The check the boot runs (a started app would hold its connections open here).
    const identity = new ClinicIdentityService(loadConfig({ CLINIC_LOGO: fake }));
    await expect(identity.onModuleInit()).rejects.toThrow(/CLINIC_LOGO.*not a PNG or JPEG/);
    const missing = new ClinicIdentityService(loadConfig({ CLINIC_LOGO: `${fake}.gone` }));
    await expect(missing.onModuleInit()).rejects.toThrow(/CLINIC_LOGO.*cannot read/);
  });

  it('refuses a brand colour that white text cannot be read on', () => {
    expect(() => loadConfig({ CLINIC_BRAND_COLOR: '#7fd1b9' })).toThrow(
      /CLINIC_BRAND_COLOR.*contrast/,
    );
    expect(() => loadConfig({ CLINIC_BRAND_COLOR: 'green' })).toThrow(/CLINIC_BRAND_COLOR/);
    expect(loadConfig({ CLINIC_BRAND_COLOR: '#0B5CAD' }).clinicBrandColor).toBe('#0b5cad');
  });
});
