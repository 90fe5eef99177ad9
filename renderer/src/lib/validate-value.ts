import { parseDocument } from 'yaml';
import type { ValueFormat } from './value-format.js';

/** The outcome of checking a value before save; line and column are 1-based. */
export type ValidationResult = { ok: true } | { ok: false; message: string; line: number; column: number };

/** Checks JSON and YAML syntax; other formats are always accepted. */
export function validateValue(text: string, format: ValueFormat): ValidationResult {
  if (format === 'json') return validateJson(text);
  if (format === 'yaml') return validateYaml(text);
  return { ok: true };
}

/** 1-based line and column of a character offset. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

function validateJson(text: string): ValidationResult {
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lineCol = /line (\d+) column (\d+)/.exec(message);
    if (lineCol) return { ok: false, message, line: Number(lineCol[1]), column: Number(lineCol[2]) };
    const position = /position (\d+)/.exec(message);
    const at = lineColumnAt(text, position ? Number(position[1]) : text.length);
    return { ok: false, message, ...at };
  }
}

function validateYaml(text: string): ValidationResult {
  const doc = parseDocument(text, { prettyErrors: false });
  const first = doc.errors[0];
  if (!first) return { ok: true };
  return { ok: false, message: first.message, ...lineColumnAt(text, first.pos[0]) };
}
