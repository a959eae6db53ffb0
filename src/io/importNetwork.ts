import type { TextReader } from './formats';
import { fail, textTooBig, type ImportOptions, type ImportResult } from './importResult';
import { readJson } from './jsonRead';
import { validateValue } from './validateDocument';

// The JSON import: size -> text to value (jsonRead) -> value to network
// (validateDocument). Nothing here writes; storage receives a Network only
// when every check has passed.

export function importJsonText(text: string, options: ImportOptions = {}): ImportResult {
  const tooBig = textTooBig([text], options.limits);
  if (tooBig) return tooBig;
  const read = readJson(text);
  if (!read.ok) return fail([read.issue], options.limits);
  return validateValue(read.value, options);
}

/** The format table's reader: one file's text. */
export const jsonTextReader: TextReader = (texts, options) =>
  importJsonText(texts[0] ?? '', options);
