import { z } from 'zod';

export const projectSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
});

export type Project = z.infer<typeof projectSchema>;

export const projectListSchema = z.object({
  data: z.array(projectSchema),
  has_more: z.boolean().optional(),
});
