/**
 * Which tabs hold an unsaved edit: each editor with one registers while it does. Read only when a tab is
 * about to close, so it needs no React state (nothing re-renders when an edit starts).
 */
export class UnsavedEdits {
  private readonly editors = new Map<string, Set<symbol>>();

  /** Marks one editor of a connection as holding an unsaved edit; the returned function clears it. */
  add(connectionId: string): () => void {
    const token = Symbol(connectionId);
    const set = this.editors.get(connectionId) ?? new Set<symbol>();
    set.add(token);
    this.editors.set(connectionId, set);
    return () => {
      set.delete(token);
      if (set.size === 0 && this.editors.get(connectionId) === set) this.editors.delete(connectionId);
    };
  }

  /** Whether any editor of the connection holds an unsaved edit. */
  has(connectionId: string): boolean {
    return (this.editors.get(connectionId)?.size ?? 0) > 0;
  }
}
