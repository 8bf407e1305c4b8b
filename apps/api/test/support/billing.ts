import type { BrowserClient } from './browser-client.js';

/** A response body, read loosely in tests. */
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const billingOf = (patientId: string) => `/api/v1/billing/patients/${patientId}`;
export const patientBillingOf = (patientId: string) => `/api/v1/patients/${patientId}/billing`;

export function chargeBody(extra: Record<string, unknown> = {}) {
  return {
    serviceDate: '2026-03-02',
    procedureCode: 'OV-EST-2',
    description: 'Office visit, established patient',
    units: 1,
    amountMinor: 15000,
    currency: 'USD',
    ...extra,
  };
}

/** Posts through the API and fails the test unless it is created. */
export async function posted(staff: BrowserClient, path: string, body: unknown): Promise<Body> {
  const answer = await staff.post(path, body);
  if (answer.status !== 201)
    throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body as Body;
}

export async function postCharge(
  staff: BrowserClient,
  patientId: string,
  extra: Record<string, unknown> = {},
): Promise<Body> {
  return posted(staff, `${billingOf(patientId)}/charges`, chargeBody(extra));
}

export async function postInsurance(
  staff: BrowserClient,
  patientId: string,
  chargeId: string,
  paidMinor: number,
  adjustedMinor: number,
  receivedOn = '2026-03-20',
): Promise<void> {
  if (paidMinor) {
    await posted(staff, `${billingOf(patientId)}/insurance-payments`, {
      chargeId,
      amountMinor: paidMinor,
      currency: 'USD',
      payer: 'Acme Health',
      reference: 'EFT-1001',
      receivedOn,
    });
  }
  if (adjustedMinor) {
    await posted(staff, `${billingOf(patientId)}/adjustments`, {
      chargeId,
      amountMinor: adjustedMinor,
      currency: 'USD',
      payer: 'Acme Health',
    });
  }
}
