import { z } from 'zod';
import { knownFlat } from './scaling.ts';

/**
 * Schemas for the long number arrays of a fitted state, checked by plain loops: zod's element-by-element
 * parse of 2,500 x 3 training rows cost more than the model's scoring. They copy nothing; the state is only read.
 */
export const numberRows = z.custom<number[][]>((v) => isNumberRows(v) && v.length > 0, 'expected a non-empty array of number arrays');

/** `numberRows` that may be empty. */
export const numberRowsOrNone = z.custom<number[][]>(isNumberRows, 'expected an array of number arrays');

function isNumberRows(v: unknown): v is number[][] {
  return Array.isArray(v) && (v.length === 0 || isUnpackedMatrix(v) || v.every((row) => Array.isArray(row) && row.every((x) => typeof x === 'number')));
}

/** Rows whose flat form is remembered were made from a Float64Array (a model file's packed matrix): all numbers. */
function isUnpackedMatrix(rows: unknown[]): boolean {
  const first: unknown = rows[0];
  return Array.isArray(first) && knownFlat(rows as number[][], first.length) !== undefined;
}

export const numbers = z.custom<number[]>((v) => Array.isArray(v) && v.every((x) => typeof x === 'number'), 'expected an array of numbers');
