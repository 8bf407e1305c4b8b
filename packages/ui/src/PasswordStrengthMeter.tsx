import type { PasswordStrengthLevel } from './password-strength';

export interface PasswordStrengthMeterProps {
  /** Id for the field's aria-describedby, so the verdict is read with the password field. */
  id: string;
  level: PasswordStrengthLevel;
  /** The verdict in words, e.g. "Strength: fair". Empty while nothing is typed. */
  label: string;
  /** Sentences that say how to make the password stronger. */
  advice: readonly string[];
}

const SEGMENTS = [1, 2, 3, 4] as const;

/**
 * Four bars and the verdict in words (colour and length only repeat it). The verdict sits in
 * a polite live region, so it is announced when it changes, not on every key press.
 */
export function PasswordStrengthMeter({ id, level, label, advice }: PasswordStrengthMeterProps) {
  return (
    <div className={`ui-strength ui-strength--${level}`} id={id}>
      <div className="ui-strength__bars" aria-hidden="true">
        {SEGMENTS.map((segment) => (
          <span
            key={segment}
            className={
              segment <= level ? 'ui-strength__bar ui-strength__bar--on' : 'ui-strength__bar'
            }
          />
        ))}
      </div>
      <p className="ui-strength__label" aria-live="polite">
        {label}
      </p>
      {advice.length > 0 ? (
        <ul className="ui-strength__advice">
          {advice.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
