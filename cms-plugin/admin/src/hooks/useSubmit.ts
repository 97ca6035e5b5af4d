import { useCallback, useState } from 'react';

import { ApiError } from '../api/begroot';
import type { FieldError } from '../lib/issues';

/** What a failed request tells the official: the server's errors at their fields, else its message. */
export function errorsOf(error: unknown): FieldError[] {
  if (error instanceof ApiError && error.errors.length > 0) return error.errors;
  return [{ path: '', message: error instanceof Error ? error.message : String(error) }];
}

/**
 * The busy and error state of a form that sends one request at a time. `submit` clears the
 * previous errors, is busy while the request runs, and keeps its failure as errors; it answers
 * the request's result, or `undefined` when it failed.
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = useCallback(async <T>(request: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setErrors([]);
    try {
      return await request();
    } catch (error) {
      setErrors(errorsOf(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, errors, setErrors, submit };
}
