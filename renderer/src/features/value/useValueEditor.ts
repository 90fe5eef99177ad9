import { useCallback, useMemo, useState } from 'react';
import type { NodeValue } from '../../../../shared/model/node.js';
import { base64ToBytes, decodeUtf8Lenient } from '../../lib/base64.js';
import { isBinary } from '../../lib/format-detect.js';

/** The editing state of one open node: what was read (base), what the user typed, and news from the server. */
export interface ValueEditor {
  /** The value the edit started from, with the token a save will send; null until loaded. */
  base: NodeValue | null;
  baseBytes: Uint8Array;
  baseText: string;
  binary: boolean;
  text: string;
  setText: (text: string) => void;
  /** Grows whenever the text is replaced from outside the editor (load, reload, revert). */
  version: number;
  /** Drops the user's edits. */
  revert: () => void;
  dirty: boolean;
  /** A newer server value that arrived while the user had unsaved edits (never applied silently). */
  serverChange: NodeValue | null;
  /** Starts over from a value (after load, save or "reload server value"). */
  adopt: (value: NodeValue) => void;
  /** Keeps the user's text but edits against a newer server value and token (after a conflict). */
  rebase: (valueBase64: string, token: string | null) => void;
}

function sameValue(a: NodeValue, b: NodeValue): boolean {
  return a.token === b.token && a.valueBase64 === b.valueBase64 && a.truncated === b.truncated;
}

/** Holds the editor buffer of one node; refreshed server data replaces it only when there are no edits. */
export function useValueEditor(data: NodeValue | undefined): ValueEditor {
  const [base, setBase] = useState<NodeValue | null>(null);
  const [text, setText] = useState('');
  const [serverChange, setServerChange] = useState<NodeValue | null>(null);
  const [version, setVersion] = useState(0);

  const baseBytes = useMemo(() => (base ? base64ToBytes(base.valueBase64) : new Uint8Array()), [base]);
  const baseText = useMemo(() => decodeUtf8Lenient(baseBytes), [baseBytes]);
  const binary = useMemo(() => isBinary(baseBytes, base?.truncated ?? false), [baseBytes, base?.truncated]);
  const dirty = base !== null && text !== baseText;

  const adopt = useCallback((value: NodeValue) => {
    setBase(value);
    setText(decodeUtf8Lenient(base64ToBytes(value.valueBase64)));
    setServerChange(null);
    setVersion((v) => v + 1);
  }, []);

  const revert = useCallback(() => {
    setText(baseText);
    setVersion((v) => v + 1);
  }, [baseText]);

  const rebase = useCallback((valueBase64: string, token: string | null) => {
    setBase((current) => (current ? { ...current, valueBase64, token, truncated: false } : current));
    setServerChange(null);
  }, []);

  // New server data is looked at once, while rendering (not in an effect): adopted when the user has
  // no edits, else kept aside as a "changed on the server" notice. Typing never triggers this.
  const [seenData, setSeenData] = useState<NodeValue | undefined>(undefined);
  if (data !== seenData) {
    setSeenData(data);
    if (data && (!base || (!dirty && !sameValue(base, data)))) adopt(data);
    else if (data && base) setServerChange(sameValue(base, data) ? null : data);
  }

  return {
    base,
    baseBytes,
    baseText,
    binary,
    text,
    setText,
    version,
    revert,
    dirty,
    serverChange,
    adopt,
    rebase,
  };
}
