import type { z } from 'zod';
import { AppError, type FieldIssue } from '../domain/shared/errors.js';

/** zod issues as a person reads them: which field, what is wrong with it. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'is not a field this request accepts' }));
    }
    const field = issue.path.join('.') || 'body';
    if (issue.code === 'invalid_type' && issue.input === undefined) return [{ field, message: 'is required' }];
    return [{ field, message: issue.message }];
  });
}

/** Parses `data` with `schema`, or throws a 400 `validation_failed` naming every bad field. */
export function validate<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const fields = fieldIssues(result.error);
  const summary = fields.map((f) => `${f.field} ${f.message}`).join('; ');
  throw new AppError('validation_failed', `Please check the form: ${summary}.`, { fields });
}
