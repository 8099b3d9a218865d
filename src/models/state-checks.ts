import { z } from 'zod';

/**
 * Schemas for the long number arrays of a fitted state, checked by plain loops: zod's element-by-element
 * parse of 2,500 x 3 training rows cost more than the model's scoring. They copy nothing; the state is only read.
 */
export const numberRows = z.custom<number[][]>(
  (v) => Array.isArray(v) && v.length > 0 && v.every((row) => Array.isArray(row) && row.every((x) => typeof x === 'number')),
  'expected a non-empty array of number arrays',
);

export const numbers = z.custom<number[]>((v) => Array.isArray(v) && v.every((x) => typeof x === 'number'), 'expected an array of numbers');
