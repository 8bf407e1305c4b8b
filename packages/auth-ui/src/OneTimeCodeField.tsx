import { TextField, type TextFieldProps } from '@portal/ui';

export interface OneTimeCodeFieldProps extends Omit<TextFieldProps, 'type'> {
  /** Recovery codes mix letters and digits; only 6-digit codes get the number keypad. */
  numeric?: boolean;
}

/**
 * A field for a 6-digit code: number keypad on phones, and the browser may fill in a code it
 * received by SMS or email (autocomplete="one-time-code").
 */
export function OneTimeCodeField({ numeric = true, ...rest }: OneTimeCodeFieldProps) {
  return (
    <TextField
      {...rest}
      type="text"
      className={numeric ? 'one-time-code' : 'one-time-code one-time-code--text'}
      inputMode={numeric ? 'numeric' : 'text'}
      autoComplete={numeric ? 'one-time-code' : 'off'}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
    />
  );
}

/** A 6-digit code as typed or pasted ("123 456", "123-456") reduced to its digits. */
export function normalizeNumericCode(value: string): string {
  return value.replace(/[\s-]/g, '');
}

export function isSixDigitCode(value: string): boolean {
  return /^\d{6}$/.test(value);
}
