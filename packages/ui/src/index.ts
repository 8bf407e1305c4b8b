export { Alert, type AlertProps } from './Alert';
export { Button, type ButtonProps } from './Button';
export { Dialog, type DialogProps } from './Dialog';
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from './ErrorSummary';
export {
  estimatePasswordStrength,
  type PasswordAdvice,
  type PasswordStrength,
  type PasswordStrengthLevel,
  type PasswordStrengthOptions,
} from './password-strength';
export { PasswordStrengthMeter, type PasswordStrengthMeterProps } from './PasswordStrengthMeter';
export { LoadingState, Skeleton, type LoadingStateProps, type SkeletonProps } from './Skeleton';
export { LinkList } from './LinkList';
export { FieldShell, type FieldShellProps } from './FieldShell';
export { SelectField, type SelectFieldProps, type SelectOption } from './SelectField';
export { SkipLink, type SkipLinkProps } from './SkipLink';
export { TextField, type TextFieldProps } from './TextField';
export { TwoColumn, type TwoColumnProps } from './TwoColumn';
export { VisuallyHidden } from './VisuallyHidden';
export {
  deviceTimeZone,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatTime,
  formattingLocale,
} from './format';
export { ClinicBrand, type ClinicBrandProps, type ClinicIdentity } from './ClinicBrand';
// Calendar arithmetic in a location's zone; every export of the module is public.
export * from './zoned-time';
