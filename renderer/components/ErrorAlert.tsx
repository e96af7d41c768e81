import { Alert } from '@mantine/core';

/** A refused command or failed action, announced to screen readers as it appears. */
export function ErrorAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {message}
    </Alert>
  );
}
