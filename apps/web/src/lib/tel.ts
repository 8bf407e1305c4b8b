/** A tel: link for a phone number as the clinic wrote it ("+1 555 010 2000", "(555) 010-2000"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
