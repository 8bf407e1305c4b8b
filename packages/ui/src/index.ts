export { Alert, type AlertProps } from './Alert';
export { Button, type ButtonProps } from './Button';
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from './ErrorSummary';
export { LoadingState, Skeleton, type LoadingStateProps, type SkeletonProps } from './Skeleton';
export { SkipLink, type SkipLinkProps } from './SkipLink';
export { TextField, type TextFieldProps } from './TextField';
export { VisuallyHidden } from './VisuallyHidden';
