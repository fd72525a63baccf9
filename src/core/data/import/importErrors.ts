// Numbered import problems (OL5xx) and the log that collects them: the first 20 errors, a count, warnings.

/** Error and warning codes of the data importer; search a code to find where it is raised. */
export const ImportErrorCode = {
  NoFiles: 'OL501',
  MissingFile: 'OL502',
  FileTooLarge: 'OL503',
  NotUtf8: 'OL504',
  EmptyFile: 'OL505',
  HeaderOnly: 'OL506',
  ColumnCount: 'OL507',
  MixedSeparators: 'OL508',
  NotANumber: 'OL509',
  DuplicateRow: 'OL510',
  UnknownItem: 'OL511',
  UnknownUser: 'OL512',
  DuplicateId: 'OL513',
  MalformedQuotes: 'OL514',
  AmbiguousFiles: 'OL515',
  NothingKept: 'OL516',
  TooManyErrors: 'OL517',
  BadGenreList: 'OL518',
  NoSeparator: 'OL519',
  EmptyValue: 'OL520',
  BadOption: 'OL521',
  ControlCharacter: 'OL522',
  /** The import itself failed (its worker died): nothing was read, the files should be picked again. */
  ImportStopped: 'OL523',
  /** The item-attributes file names more relations than MAX_RELATIONS. */
  TooManyRelations: 'OL524',
  /** Shared with ErrorCode.DataUnsuitable: the data imports but is too small to train and evaluate on. */
  TooSmall: 'OL107',
  // Warnings: the import succeeds, the report says what was done.
  DuplicatesMerged: 'OL551',
  IgnoredFiles: 'OL552',
  HeaderByPosition: 'OL553',
  UnusedColumns: 'OL554',
  UsersWithoutKeptRows: 'OL555',
  PossibleHeader: 'OL556',
  /** Item-attributes rows skipped: their item is not in the data, or they repeat a triple. */
  AttributeRowsSkipped: 'OL557',
} as const;
export type ImportErrorCode = (typeof ImportErrorCode)[keyof typeof ImportErrorCode];

/** One problem (or warning). `message` is a whole sentence naming the file and line, e.g. "u.data, line 7: …". */
export interface ImportIssue {
  file: string;
  line?: number;
  message: string;
  code: ImportErrorCode;
}

/** How many errors an import lists before it only counts the rest. */
export const MAX_LISTED_ERRORS = 20;

/** "OL507 u.data, line 3: …" — the form the CLI and the UI print. */
export function formatIssue(issue: ImportIssue): string {
  return `${issue.code} ${issue.message}`;
}

function where(file: string, line: number | undefined): string {
  return line === undefined ? file : `${file}, line ${line}`;
}

/** How far an import is: the phase, the file being read (if any), and the fraction of that phase done (0…1). */
export interface ImportProgress {
  /** 'read' is the page reading the files' bytes, before the import proper starts. */
  phase: 'read' | 'decode' | 'parse' | 'assemble' | 'filter';
  file?: string;
  fraction: number;
}

/**
 * Collects errors (keeping the first MAX_LISTED_ERRORS, counting all) and warnings during one import, and
 * passes progress on to whoever asked for it (the import worker posts it to the page).
 */
export class IssueLog {
  constructor(readonly onProgress?: (p: ImportProgress) => void) {}

  readonly warnings: ImportIssue[] = [];
  private readonly listed: ImportIssue[] = [];
  private total = 0;
  private firstUnlistedFile = '';

  /** Records an error; `problem` is the sentence after "file, line N: ". */
  error(code: ImportErrorCode, file: string, line: number | undefined, problem: string): void {
    this.total++;
    if (this.listed.length < MAX_LISTED_ERRORS) {
      this.listed.push({ file, ...(line === undefined ? {} : { line }), message: `${where(file, line)}: ${problem}`, code });
    } else if (this.total === MAX_LISTED_ERRORS + 1) this.firstUnlistedFile = file;
  }

  warn(code: ImportErrorCode, file: string, problem: string): void {
    this.warnings.push({ file, message: `${file}: ${problem}`, code });
  }

  get failed(): boolean {
    return this.total > 0;
  }

  /** The listed errors, plus one OL517 entry with the count of the rest when there were more than 20. */
  errors(): ImportIssue[] {
    const extra = this.total - this.listed.length;
    if (extra <= 0) return [...this.listed];
    return [
      ...this.listed,
      {
        file: this.firstUnlistedFile,
        code: ImportErrorCode.TooManyErrors,
        message: `${this.firstUnlistedFile ? `${this.firstUnlistedFile}: ` : ''}${extra} more error${extra === 1 ? '' : 's'} not listed (${this.total} in all; the first ${MAX_LISTED_ERRORS} are shown).`,
      },
    ];
  }
}
