import { useState } from 'react';

/** What a dialog needs to ask for a typed confirmation (the path on prod, a connection's name for a job). */
export interface TypedConfirmation {
  /** The write asks for it (a prod connection). */
  required: boolean;
  /** What must be typed. */
  expected: string;
  typed: string;
  setTyped: (text: string) => void;
  /** Nothing is asked, or the text matches exactly. */
  confirmed: boolean;
  /** What the write sends: the text when it is asked for, else nothing. */
  confirmation: string | undefined;
  /** The same, as the part of a write's input that carries it. */
  input: { confirmation?: string };
}

/** The text the user types to confirm a write; only `required` writes ask for it, and it must match. */
export function useTypedConfirmation(required: boolean, expected: string): TypedConfirmation {
  const [typed, setTyped] = useState('');
  return {
    required,
    expected,
    typed,
    setTyped,
    confirmed: !required || typed === expected,
    confirmation: required ? typed : undefined,
    input: required ? { confirmation: typed } : {},
  };
}
