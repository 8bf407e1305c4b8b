import { describe, expect, it } from '@jest/globals';
import {
  AUDIT_ACTIONS,
  describeAction,
  GENERIC_DESCRIPTION,
  type RecordKindAuditName,
  type RecordVerb,
} from './audit-actions.js';

const names = Object.keys(AUDIT_ACTIONS) as (keyof typeof AUDIT_ACTIONS)[];

/**
 * The namespaces of actions that are not about a patient's data: signing in, the account's
 * own settings, registration, clinic staff, the scheduling catalog, the clinic's policy and
 * the set-up of messaging (pools, routing, templates) and billing's statement runs.
 * Every other action is about a patient's data and must tell the patient what it was.
 */
const NOT_ABOUT_A_PATIENT = [
  'auth.',
  'account.',
  'registration.',
  'staff.',
  'location.',
  'provider.',
  'visit-type.',
  'schedule.availability.',
  'schedule.exception.',
  'result-release-policy.',
  'care-pool.',
  'message-routing.',
  'reply-template.',
  'pharmacy.',
  'refill-report.',
  'statement-run.',
];
const aboutAPatient = (name: string) =>
  !NOT_ABOUT_A_PATIENT.some((prefix) => name.startsWith(prefix));

describe('audit actions', () => {
  it('names every action as lower-case dotted words, never as a refused operation', () => {
    for (const name of names) {
      expect(name).toMatch(/^[a-z]+(-[a-z]+)*(\.[a-z]+(-[a-z]+)*)+$/);
      expect(name.length).toBeLessThanOrEqual(100);
      expect(name.startsWith('api.')).toBe(false);
    }
  });

  it('describes every action about a patient’s data, and only those', () => {
    for (const name of names) {
      const description = AUDIT_ACTIONS[name];
      if (aboutAPatient(name)) {
        expect({ name, description }).toEqual({ name, description: expect.any(String) });
      } else {
        expect({ name, description }).toEqual({ name, description: null });
      }
    }
  });

  it('words each description as a sentence a patient reads, each once', () => {
    const descriptions = names.flatMap((name): string[] => {
      const description: string | null = AUDIT_ACTIONS[name];
      return description === null ? [] : [description];
    });
    for (const description of descriptions) {
      expect(description).toMatch(/^[A-Z][^.]*[^.\s]$/);
      expect(description.length).toBeLessThanOrEqual(120);
    }
    // invitation.create and invitation.send are the same act, seen from two places.
    const repeated = descriptions.filter((d, index) => descriptions.indexOf(d) !== index);
    expect(repeated).toEqual(['Sent you a portal invitation']);
  });

  it('has all five actions of every kind of record', () => {
    const kinds: RecordKindAuditName[] = [
      'condition',
      'allergy',
      'immunization',
      'visit-summary',
      'care-plan',
      'medication',
    ];
    const verbs: RecordVerb[] = ['list', 'read', 'create', 'update', 'history'];
    for (const kind of kinds) {
      for (const verb of verbs) {
        expect(describeAction(`${kind}.${verb}`)).not.toBe(GENERIC_DESCRIPTION);
      }
    }
    expect(describeAction('medication.read')).toBe('Looked at one of your medications');
  });

  it('falls back to the generic description for a name it does not have', () => {
    expect(describeAction('some.older-name')).toBe(GENERIC_DESCRIPTION);
    expect(describeAction('auth.login')).toBe(GENERIC_DESCRIPTION);
    expect(describeAction('toString')).toBe(GENERIC_DESCRIPTION);
  });
});
