/** One import problem as the engine reports it: "line 3:7, talking_points: unclosed quote". */
export interface ImportIssue {
  /** null when the problem has no place in the file (e.g. the file is too large). */
  line: number | null;
  column: number | null;
  /** The column or JSON path; '' for the file as a whole. */
  field: string;
  message: string;
}

const PATTERN = /^line (\d+|null)(?::(\d+))?, (.*?): (.*)$/s;

/** Splits the engine's text so the line and field can be shown in the producer's language; unknown shapes stay whole. */
export function parseImportIssue(text: string): ImportIssue {
  const m = PATTERN.exec(text);
  if (m === null) return { line: null, column: null, field: '', message: text };
  const [, line, column, field, message] = m;
  return {
    line: line === undefined || line === 'null' ? null : Number(line),
    column: column === undefined ? null : Number(column),
    field: field === undefined || field === '(file)' ? '' : field,
    message: message ?? '',
  };
}
