import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './primitives';

export const STAFF_ROLES = ['operator', 'manager', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const staffUserSchema = z.object({
  id: idSchema,
  login: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(STAFF_ROLES),
  passwordHash: z.string(),
  failedAttempts: z.number().int().nonnegative(),
  lockedUntil: isoDateTimeSchema.nullable(),
  active: z.boolean(),
});
export type StaffUser = z.infer<typeof staffUserSchema>;
