import type { z } from 'zod';

/**
 * A form validation message that carries parameters ('errors:text.tooLong'
 * with { max: 300 }) travels through Mantine's string-only form errors as
 * JSON; validationText() reads it back and translates at render time, so a
 * visible error still follows a language switch.
 */
export function encodeValidationMessage(code: string, params: Record<string, unknown> | undefined): string {
  return params === undefined || Object.keys(params).length === 0 ? code : JSON.stringify({ code, params });
}

export function decodeValidationMessage(message: string): { code: string; params?: Record<string, unknown> } {
  if (!message.startsWith('{')) return { code: message };
  try {
    const parsed = JSON.parse(message) as { code?: unknown; params?: unknown };
    if (typeof parsed.code === 'string' && typeof parsed.params === 'object' && parsed.params !== null) {
      return { code: parsed.code, params: parsed.params as Record<string, unknown> };
    }
  } catch {
    // not one of ours: shown as it is
  }
  return { code: message };
}

/**
 * Validates a Mantine form with a zod schema: the first issue per field, its
 * message an `errors:` key, with the issue's params kept (the resolver
 * library this replaces dropped them, so "at most {{max}}" lost its number).
 */
export function formResolver<S extends z.ZodType>(schema: S): (values: unknown) => Record<string, string> {
  return (values) => {
    const parsed = schema.safeParse(values);
    if (parsed.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      if (path in errors) continue;
      const params = issue.code === 'custom' ? (issue as { params?: Record<string, unknown> }).params : undefined;
      errors[path] = encodeValidationMessage(issue.message, params);
    }
    return errors;
  };
}
