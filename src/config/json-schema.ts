import { z } from 'zod';
import { batchConfigSchema } from './schema.ts';

/** The batch config as JSON Schema, describing what a user may write (the input side of the zod schema). */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(batchConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  // The folder name supplies metric_batch when the file leaves it out.
  const required = Array.isArray(schema['required']) ? (schema['required'] as string[]).filter((k) => k !== 'metric_batch') : [];
  return {
    ...schema,
    title: 'Anomstack metric batch',
    description: 'A metric batch: metrics/<batch>/config.yaml (Anomstack key names).',
    required,
  };
}
