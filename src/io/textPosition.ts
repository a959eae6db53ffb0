// Where in a text an offset is, as a person counts it: lines from 1, with
// \r\n, \r and \n each one line break (as editors show them), and columns from
// 1 in characters, so an emoji counts once, as an editor's cursor does.

export interface TextPosition {
  line: number;
  column: number;
}

/** The line and column of the character at `offset` (a UTF-16 index; the end of the text is allowed). */
export function positionAt(text: string, offset: number): TextPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < end; i++) {
    const code = text.charCodeAt(i);
    // The low half of a surrogate pair belongs to the character before it.
    if (code >= 0xdc00 && code <= 0xdfff && i > lineStart) {
      const before = text.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) continue;
    }
    column++;
  }
  return { line, column };
}

export const describePosition = ({ line, column }: TextPosition) =>
  `regel ${line}, kolom ${column}`;
