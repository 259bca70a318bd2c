import { z } from 'zod';
import { staffRoles } from '../roles';
import { emailSchema, listQuerySchema, pageSchema, passwordSchema, textSchema } from './common';

export const userStatuses = ['active', 'inactive'] as const;

const rolesSchema = z
  .array(z.enum(staffRoles))
  .min(1)
  .max(staffRoles.length)
  .transform((roles) => [...new Set(roles)]);

export const createUserSchema = z.object({
  fullName: textSchema(2, 120),
  email: emailSchema,
  password: passwordSchema,
  roles: rolesSchema,
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    fullName: textSchema(2, 120).optional(),
    roles: rolesSchema.optional(),
    status: z.enum(userStatuses).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type UpdateUser = z.infer<typeof updateUserSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  email: z.string(),
  roles: z.array(z.enum(staffRoles)),
  status: z.enum(userStatuses),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const listUsersQuerySchema = listQuerySchema.extend({
  role: z.enum(staffRoles).optional(),
  status: z.enum(userStatuses).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const userPageSchema = pageSchema(userSchema);
