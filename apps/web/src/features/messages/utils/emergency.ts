/*
 * Words that may mean an emergency, checked in the patient's own message as they write it.
 * Messages are read in business hours, so the page says where to get help now. The check only
 * adds a notice: it never stops a message from being sent, and finding nothing proves nothing.
 * The API has no list of its own; this one is kept short and plain, and tested.
 */

export type EmergencyKind = 'medical' | 'crisis';

/** Each entry: a pattern over the normalised text (lower case, plain apostrophes, one space). */
const PATTERNS: Record<EmergencyKind, readonly string[]> = {
  medical: [
    // Heart
    'chest (?:pain|pains|pressure|tightness)',
    'pain in (?:my|the) chest',
    'heart attack',
    // Breathing
    "(?:can ?not|can't|cant|unable to) breathe",
    '(?:trouble|difficulty|problems?|struggling) breathing',
    '(?:short|shortness) of breath',
    'not breathing',
    'choking',
    // Stroke signs
    'stroke',
    'face (?:is )?droop(?:ing|s)?',
    'slurred speech',
    'slurring',
    'sudden (?:numbness|weakness|confusion)',
    'numb on one side',
    // Other emergencies
    'unconscious',
    'passed out',
    'seizures?',
    'severe bleeding',
    "bleeding (?:heavily|a lot|that won't stop|won't stop)",
    "won't stop bleeding",
    'anaphyla(?:xis|ctic)',
    'throat (?:is )?(?:swelling|closing)',
    'overdos(?:e|ed|ing)',
    'poison(?:ed|ing)?',
  ],
  crisis: [
    'suicid(?:e|al)',
    'kill(?:ing)? myself',
    'end(?:ing)? my (?:own )?life',
    'take my (?:own )?life',
    'want to die',
    'better off dead',
    '(?:hurt|harm)(?:ing)? myself',
    'self[- ]?harm',
  ],
};

const MATCHERS = Object.entries(PATTERNS).map(
  ([kind, patterns]) =>
    [kind as EmergencyKind, new RegExp(`(?:^|[^a-z])(?:${patterns.join('|')})(?![a-z])`)] as const,
);

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ');
}

/** The kinds of emergency the text may describe (none: an empty list). */
export function emergencyKinds(text: string): EmergencyKind[] {
  const plain = normalise(text);
  return MATCHERS.filter(([, matcher]) => matcher.test(plain)).map(([kind]) => kind);
}
