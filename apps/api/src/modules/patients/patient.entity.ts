import { Column, Entity, PrimaryColumn } from 'typeorm';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

export interface PostalAddress {
  line1: string;
  line2?: string | null;
  city: string;
  region: string;
  postalCode: string;
  country: string;
}

/** Keeps line2 only when it has text, so addresses have one shape, stored and sent. */
export function cleanAddress(address: PostalAddress | null | undefined): PostalAddress | null {
  if (!address) return null;
  const { line1, line2, city, region, postalCode, country } = address;
  return { line1, ...(line2 ? { line2 } : {}), city, region, postalCode, country };
}

/** A patient's demographics. Health data lives in the feature modules, keyed by patient id. */
@Entity('patient')
export class Patient {
  @PrimaryColumn('uuid') id: string;
  /** Medical record number, generated. */
  @Column('text') mrn: string;
  @Column('text') givenName: string;
  @Column('text') familyName: string;
  @Column('text', { nullable: true }) preferredName: string | null;
  /** ISO date (YYYY-MM-DD); a calendar date, never shifted by time zones. */
  @Column('date') dateOfBirth: string;
  @Column('text') sex: Sex;
  @Column('text', { nullable: true }) email: string | null;
  @Column('text', { nullable: true }) mobilePhone: string | null;
  @Column('jsonb', { nullable: true }) address: PostalAddress | null;
  @Column('timestamptz') createdAt: Date;
  @Column('timestamptz') updatedAt: Date;
}
