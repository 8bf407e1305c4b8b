import { Button, VisuallyHidden, type ButtonProps } from '@portal/ui';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export interface RowButtonProps extends Omit<ButtonProps, 'children' | 'name'> {
  /** The action, seen: "Edit". */
  label: ReactNode;
  /** The row it acts on, heard after the label ("Edit North Clinic"). */
  name: ReactNode;
}

/** A secondary button in a table row, named for its row to screen readers. */
export function RowButton({ label, name, ...rest }: RowButtonProps) {
  return (
    <Button variant="secondary" {...rest}>
      {label}
      <VisuallyHidden> {name}</VisuallyHidden>
    </Button>
  );
}

export interface RowLinkProps {
  to: string;
  label: ReactNode;
  name: ReactNode;
}

/** A link styled as a secondary button in a table row, named for its row. */
export function RowLink({ to, label, name }: RowLinkProps) {
  return (
    <Link className="ui-button ui-button--secondary" to={to}>
      {label}
      <VisuallyHidden> {name}</VisuallyHidden>
    </Link>
  );
}
