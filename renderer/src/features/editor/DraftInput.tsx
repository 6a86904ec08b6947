import { useState, type InputHTMLAttributes } from 'react';

type Parse<T> = (text: string) => { ok: true; value: T } | { ok: false };

interface DraftInputProps<T> extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  /** The value in the script. */
  value: T;
  format: (value: T) => string;
  parse: Parse<T>;
  /** A readable value was typed. */
  onCommit: (value: T) => void;
  testId: string;
  /** Shown under the field while the text cannot be read. */
  invalidMessage: string;
  /** Id for the message, so the field can point at it. */
  messageId: string;
}

/**
 * A text field for a value typed in a format (mm:ss, a price). A readable text is committed at once but stays as
 * typed until the field is left; an unreadable one stays too, marked invalid, and the script keeps its last good
 * value. When the value changes from elsewhere (undo, another window) the field follows it.
 */
export function DraftInput<T>({ value, format, parse, onCommit, testId, invalidMessage, messageId, onBlur, ...rest }: DraftInputProps<T>) {
  const formatted = format(value);
  /** What was typed, and the formatted script value it stands for (another value means an outside change). */
  const [draft, setDraft] = useState<{ text: string; against: string } | null>(null);
  const typing = draft !== null && draft.against === formatted;
  const text = typing ? draft.text : formatted;
  const unreadable = typing && !parse(draft.text).ok;
  const describedBy = [rest['aria-describedby'], unreadable ? messageId : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <>
      <input
        {...rest}
        type="text"
        autoComplete="off"
        spellCheck={false}
        data-testid={testId}
        aria-invalid={unreadable || rest['aria-invalid'] === true ? true : undefined}
        aria-describedby={describedBy}
        value={text}
        onChange={(e) => {
          const next = e.target.value;
          const parsed = parse(next);
          if (parsed.ok) onCommit(parsed.value);
          setDraft({ text: next, against: parsed.ok ? format(parsed.value) : formatted });
        }}
        onBlur={(e) => {
          if (!unreadable) setDraft(null);
          onBlur?.(e);
        }}
      />
      {unreadable && (
        <p className="field-error" id={messageId} role="alert" data-testid={`${testId}-invalid`}>
          {invalidMessage}
        </p>
      )}
    </>
  );
}
