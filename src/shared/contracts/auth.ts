import { z } from 'zod';
import { actions } from '../permissions';
import { staffRoles } from '../roles';
import { emailSchema, passwordSchema, textSchema } from './common';
import { organizationSchema } from './organization';

export const loginSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
export type Login = z.infer<typeof loginSchema>;

export const sessionUserSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  email: z.string(),
  roles: z.array(z.enum(staffRoles)),
  /** Holds the platform operator right (not an association role): the web app shows /platform. */
  platformOperator: z.boolean(),
});

export const meSchema = z.object({
  user: sessionUserSchema,
  organization: organizationSchema,
  permissions: z.array(z.enum(actions)),
});
export type Me = z.infer<typeof meSchema>;

export const setupStatusSchema = z.object({ needed: z.boolean() });

export const setupSchema = z.object({
  organization: z.object({ nameAr: textSchema(2, 200), nameEn: textSchema(2, 200) }),
  admin: z.object({ fullName: textSchema(2, 120), email: emailSchema, password: passwordSchema }),
});
export type Setup = z.infer<typeof setupSchema>;
