/** `nothing listens on …` → `Nothing listens on ….`: a reason as one sentence. */
export function sentence(reason: string): string {
  const trimmed = reason.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** `1,204`. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `1 member`, `3 members`. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}
