export { telHref } from '../../../lib/tel';

export interface PostalAddressParts {
  line1: string;
  line2?: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

/** Address lines as they go on an envelope, the country written out in the reader's language. */
export function addressLines(address: PostalAddressParts, locale: string): string[] {
  let country = address.country;
  try {
    country = new Intl.DisplayNames([locale], { type: 'region' }).of(address.country) ?? country;
  } catch {
    // Not a region code: keep what the clinic wrote.
  }
  return [
    address.line1,
    address.line2 ?? '',
    [address.city, [address.region, address.postalCode].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', '),
    country,
  ].filter((line) => line.trim() !== '');
}
