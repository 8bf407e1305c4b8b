import { useEffect } from 'react';

export interface ClinicIdentity {
  name: string;
  /** #rrggbb; white text on it reaches 4.5:1 (checked when the portal starts). */
  brandColor: string;
  logoUrl: string | null;
}

export interface ClinicBrandProps {
  /** The clinic's identity once loaded (GET /api/v1/clinic); until then, the fallback name. */
  identity: ClinicIdentity | undefined;
  fallbackName: string;
  /** Which of the clinic's apps this is, after its name (e.g. "Staff"); none for patients. */
  label?: string;
}

/**
 * The clinic's logo and name for a header, and its colour as the apps' primary colour. The
 * logo's box is reserved before it loads, so the header never shifts; the logo is decorative
 * (the name beside it says whose portal this is).
 */
export function ClinicBrand({ identity, fallbackName, label }: ClinicBrandProps) {
  const color = identity?.brandColor;
  useEffect(() => {
    if (!color) return;
    const root = document.documentElement.style;
    root.setProperty('--color-primary', color);
    root.setProperty('--color-primary-hover', `color-mix(in srgb, ${color} 80%, black)`);
  }, [color]);
  return (
    <>
      <span className="app-brand__logo" aria-hidden="true">
        {identity?.logoUrl ? <img src={identity.logoUrl} alt="" width={32} height={32} /> : null}
      </span>
      <span className="app-brand__name">{identity?.name ?? fallbackName}</span>
      {label ? <span className="app-brand__label">{label}</span> : null}
    </>
  );
}
