import { UAParser } from 'ua-parser-js';

/**
 * A device described in plain words from its User-Agent header: which browser, on which kind
 * of device or system, read by ua-parser-js. What it cannot name is left undefined and the
 * page says it does not recognise it.
 */
export interface DeviceDescription {
  browser?: string;
  system?: string;
}

/** The parser's system names, in the words people use for their devices. */
const SYSTEM_NAMES: Record<string, string> = {
  'Mac OS': 'Mac',
  macOS: 'Mac',
  'Chromium OS': 'ChromeOS',
  'Chrome OS': 'ChromeOS',
};

const BROWSER_NAMES: Record<string, string> = {
  'Mobile Safari': 'Safari',
  'Chrome WebView': 'Chrome',
  'Chrome Headless': 'Chrome (automated)',
  'Samsung Browser': 'Samsung Internet',
};

export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  if (!userAgent) return {};
  const { browser, os, device } = new UAParser(userAgent).getResult();
  // An iPhone or iPad is named as such rather than by its system (iOS, iPadOS).
  const model = device.vendor === 'Apple' ? device.model : undefined;
  const system =
    model === 'iPhone' || model === 'iPad' ? model : os.name && (SYSTEM_NAMES[os.name] ?? os.name);
  return {
    browser: browser.name && (BROWSER_NAMES[browser.name] ?? browser.name),
    system: system || undefined,
  };
}
