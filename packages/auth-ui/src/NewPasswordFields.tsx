import { estimatePasswordStrength, PasswordStrengthMeter, TextField } from '@portal/ui';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export interface NewPasswordErrors {
  password?: string;
  confirm?: string;
}

/**
 * What can be checked before asking the server: filled in, long enough, typed the same twice.
 * The server still decides (common passwords, the username).
 */
export function checkNewPassword(
  t: TFunction,
  password: string,
  confirm: string,
): NewPasswordErrors {
  const errors: NewPasswordErrors = {};
  const length = [...password].length;
  if (length === 0) {
    errors.password = t('newPassword.errors.required');
  } else if (length < PASSWORD_MIN_LENGTH) {
    errors.password = t('newPassword.errors.tooShort', { count: PASSWORD_MIN_LENGTH });
  } else if (length > PASSWORD_MAX_LENGTH) {
    errors.password = t('newPassword.errors.tooLong', { count: PASSWORD_MAX_LENGTH });
  }
  if (!confirm) {
    errors.confirm = t('newPassword.errors.confirmRequired');
  } else if (confirm !== password) {
    errors.confirm = t('newPassword.errors.mismatch');
  }
  return errors;
}

export interface NewPasswordFieldsProps {
  /** Ids of the two inputs, for error summaries to link to. */
  ids: { password: string; confirm: string };
  password: string;
  confirm: string;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  errors: NewPasswordErrors;
  /** The account's username, which a password must not contain. */
  username?: string;
  /** The owner's names and email address, which it must not contain either. */
  personal?: readonly string[];
}

/**
 * New password, typed twice, with a strength meter that explains itself in words and a
 * "Show passwords" switch (typing long passwords blind on a phone is hard).
 */
export function NewPasswordFields({
  ids,
  password,
  confirm,
  onPasswordChange,
  onConfirmChange,
  errors,
  username,
  personal,
}: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  const showId = useId();
  const meterId = `${ids.password}-strength`;
  const strength = estimatePasswordStrength(password, {
    username,
    personal,
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
  });
  const label = password ? t(`newPassword.strength.level${strength.level}`) : '';
  const advice = strength.advice.map((reason) =>
    t(`newPassword.advice.${reason}`, { count: PASSWORD_MIN_LENGTH }),
  );

  return (
    <>
      <TextField
        id={ids.password}
        name="new-password"
        type={visible ? 'text' : 'password'}
        label={t('newPassword.label')}
        hint={t('newPassword.hint', { count: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        required
        value={password}
        onChange={(event) => onPasswordChange(event.target.value)}
        error={errors.password}
        aria-describedby={meterId}
      />
      <PasswordStrengthMeter id={meterId} level={strength.level} label={label} advice={advice} />
      <TextField
        id={ids.confirm}
        name="confirm-password"
        type={visible ? 'text' : 'password'}
        label={t('newPassword.confirmLabel')}
        autoComplete="new-password"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        required
        value={confirm}
        onChange={(event) => onConfirmChange(event.target.value)}
        error={errors.confirm}
      />
      <label className="ui-check" htmlFor={showId}>
        <input
          id={showId}
          type="checkbox"
          checked={visible}
          onChange={(event) => setVisible(event.target.checked)}
        />
        {t('newPassword.show')}
      </label>
    </>
  );
}
