export interface PersonRef {
  id: string;
  name: string;
}

/**
 * Who a conversation can be given to: the signed-in person first, then the staff list when
 * the caller may read it, else the people already working these conversations; each once, by
 * name.
 */
export function assigneeChoices(
  me: PersonRef,
  staff: readonly PersonRef[] | undefined,
  seen: readonly (PersonRef | null)[],
): PersonRef[] {
  const others = new Map<string, PersonRef>();
  for (const person of staff ?? seen) {
    if (person && person.id !== me.id) others.set(person.id, person);
  }
  return [me, ...[...others.values()].sort((a, b) => a.name.localeCompare(b.name))];
}
