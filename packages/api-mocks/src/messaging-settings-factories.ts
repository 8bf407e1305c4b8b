import type { JsonResponse } from '@portal/api-client';
import { nextId } from './factories';

/*
 * The messaging settings' shapes (care-team pools, the routing of message categories to them,
 * reply templates), typed by the OpenAPI document, with the fields a test cares about given
 * as overrides. The answers themselves are stated by each test.
 */

export type MockCarePool = JsonResponse<'listCarePools', 200>['items'][number];
export type MockMessageRouting = JsonResponse<'listMessageRouting', 200>['items'][number];
export type MockMessageCategory = MockMessageRouting['category'];
export type MockReplyTemplate = JsonResponse<'listReplyTemplates', 200>['items'][number];

/** An active clinical pool for the whole clinic unless the test says otherwise. */
export function carePoolFactory(overrides: Partial<MockCarePool> = {}): MockCarePool {
  return {
    id: nextId(),
    name: 'Main Street nurses',
    department: 'clinical',
    locationId: null,
    active: true,
    ...overrides,
  };
}

const CATEGORY_LABELS: Record<MockMessageCategory, string> = {
  'medical-question': 'Medical question',
  appointment: 'Appointment',
  prescription: 'Prescription',
  billing: 'Billing',
  'test-result': 'Test result',
  other: 'Something else',
};

/**
 * The routing of every category, in the API's order: those given in `routed` go to their
 * pool with their answer time, the others are not routed yet.
 */
export function messageRoutingFactory(
  routed: Partial<Record<MockMessageCategory, { pool: MockCarePool; days: number }>> = {},
): MockMessageRouting[] {
  return (Object.keys(CATEGORY_LABELS) as MockMessageCategory[]).map((category) => {
    const route = routed[category];
    return {
      category,
      label: CATEGORY_LABELS[category],
      pool: route?.pool ?? null,
      answerWithinBusinessDays: route?.days ?? null,
    };
  });
}

/** An active reply template greeting the patient by name. */
export function replyTemplateFactory(
  overrides: Partial<MockReplyTemplate> = {},
): MockReplyTemplate {
  return {
    id: nextId(),
    name: 'Result is normal',
    body: 'Hello {{patientFirstName}},\n\nYour result is normal.\n\n{{staffName}}, {{poolName}}',
    active: true,
    ...overrides,
  };
}
