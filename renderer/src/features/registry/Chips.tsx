/** Tags as small chips; nothing when there are none. */
export function TagChips({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return <span className="faint">—</span>;
  return (
    <span className="chips">
      {tags.map((tag) => (
        <span key={tag} className="chip" data-testid="tag-chip">
          {tag}
        </span>
      ))}
    </span>
  );
}

/** Metadata as `key=value` chips, sorted by key. */
export function MetadataChips({ metadata }: { metadata: Readonly<Record<string, string>> }) {
  const entries = Object.entries(metadata).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return <span className="faint">—</span>;
  return (
    <span className="chips">
      {entries.map(([key, value]) => (
        <span key={key} className="chip chip-meta mono" data-testid="meta-chip" data-key={key} title={value}>
          {key}=<b>{value}</b>
        </span>
      ))}
    </span>
  );
}
