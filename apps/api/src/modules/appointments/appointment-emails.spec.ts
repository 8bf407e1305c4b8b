import { describe, expect, it } from '@jest/globals';
import { bookedEmail, rescheduledEmail, type EmailAppointment } from './appointment-emails.js';

const HOUR_MS = 3_600_000;
const startsAt = new Date('2026-02-10T15:00:00.000Z'); // 9:00 AM in Chicago (CST)
const appointment: EmailAppointment = {
  id: '0190a0a0-0000-7000-8000-000000000001',
  startsAt,
  location: {
    name: 'Harbor Clinic',
    address: {
      line1: '1 Harbor Way',
      line2: null,
      city: 'Chicago',
      region: 'IL',
      postalCode: '60601',
      country: 'US',
    },
    phone: '+1 555 010 3000',
    timeZone: 'America/Chicago',
    arrivalInstructions: null,
  },
};
const settings = (hoursBefore: number) => ({
  publicUrl: 'https://portal.test',
  clinicName: 'Test Clinic',
  cancelCutoffHours: 24,
  now: new Date(startsAt.getTime() - hoursBefore * HOUR_MS),
});
const textOf = (mail: { text: string }) => mail.text.replace(/\s+/g, ' ');

describe('appointment emails', () => {
  it('gives the change deadline in the location’s zone when it is still ahead', () => {
    const text = textOf(bookedEmail('ana@example.test', appointment, settings(72)));
    expect(text).toContain('Tuesday, 10 February 2026, 9:00 AM CST');
    expect(text).toContain(
      'You can change or cancel it in the patient portal until Monday, 9 February 2026, 9:00 AM CST.',
    );
  });

  it('never states a deadline already past: inside the cutoff it says to call the clinic', () => {
    for (const mail of [
      bookedEmail('ana@example.test', appointment, settings(5)),
      rescheduledEmail(
        'ana@example.test',
        appointment,
        { startsAt: new Date(startsAt.getTime() + 48 * HOUR_MS) },
        settings(5),
      ),
    ]) {
      const text = textOf(mail);
      expect(text).not.toContain('until');
      expect(text).toContain(
        'It is less than 24 hours away, so it can no longer be changed or cancelled online. ' +
          'To change or cancel it, please call Harbor Clinic at +1 555 010 3000.',
      );
    }
  });
});
