/** The `{{name}}` placeholders of a label template, as a union of their names (never for plain text). */
export type Placeholders<S extends string> = S extends `${string}{{${infer Name}}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The values a template's placeholders take. */
export type PlaceholderValues<S extends string> = Record<Placeholders<S>, string | number>;

/** A template with its `{{name}}` placeholders filled, the way i18next fills the catalogue's copy. */
export function fillPlaceholders(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
