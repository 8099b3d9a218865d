import { z } from 'zod';
import { isMap } from './layers.ts';
import { unwrap } from './schema.ts';

/**
 * Paths of keys in `value` that the schema does not define. zod strips them silently; we want to warn,
 * because a misspelt key (`alert_treshold`) otherwise leaves the default in force without a word.
 * Free-form maps (records such as metric_tags or model_params) are not descended into.
 */
export function unknownKeys(schema: z.ZodType, value: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodObject && isMap(value)) {
    const shape = inner.shape as Record<string, z.ZodType>;
    return Object.entries(value).flatMap(([key, child]) => {
      const childSchema = shape[key];
      return childSchema ? unknownKeys(childSchema, child, [...prefix, key]) : [[...prefix, key]];
    });
  }
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((item, i) => unknownKeys(inner.element as z.ZodType, item, [...prefix, i]));
  }
  return [];
}
