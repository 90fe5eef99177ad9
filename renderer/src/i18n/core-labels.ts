import type { TFunction } from 'i18next';
import type { KindDescriptor } from '../../../shared/kinds/kind.descriptor.js';
import { kindTexts, type KindTextField } from '../../../shared/kinds/kind-texts.js';
import { KIND_DESCRIPTORS, type BackendKind } from '../../../shared/kinds/kinds.js';
import { CORE_WORDS, type CoreWordKey } from '../../../shared/labels/core-words.js';
import {
  DIAGNOSTIC_TABLE_LABELS,
  isDiagnosticTableKind,
  type DiagnosticColumnKey,
  type DiagnosticTableKind,
} from '../../../shared/labels/diagnostic-tables.js';
import { isMemberMetricKey } from '../../../shared/labels/member-metrics.js';
import { isMetaFieldKey } from '../../../shared/labels/meta-fields.js';
import { isOwnerFactKey } from '../../../shared/labels/owner-facts.js';
import type { CoreWord } from '../../../shared/model/core-word.js';
import type {
  DiagnosticColumn,
  DiagnosticTable,
  MemberMetric,
  OwnerFact,
} from '../../../shared/model/diagnostics.js';
import type { MetaField } from '../../../shared/model/node.js';

/** Every column's catalogue key, so that a column missing from the catalogue does not compile. */
type ColumnKey = {
  [K in DiagnosticTableKind]: `diagnosticTable.${K}.columns.${DiagnosticColumnKey<K> & string}`;
}[DiagnosticTableKind];

/**
 * The type t is given for a kind text's key, which is built from the descriptors (not every kind has every
 * field, so no template type fits); the catalogue test checks each set field has its key in both languages.
 */
type KindTextKey = 'kind.zookeeper.label';

/**
 * The core's fixed labels in the UI's language. A key the shared label tables know is written from the
 * `coreLabels` catalogue; any other (a newer core's) keeps the core's English label, so it still shows.
 */
export interface CoreLabels {
  metaField(field: MetaField): string;
  memberMetric(metric: MemberMetric): string;
  tableTitle(table: DiagnosticTable): string;
  column(table: DiagnosticTable, column: DiagnosticColumn): string;
  ownerFact(fact: OwnerFact): string;
  /** A value the core wrote in one of its words, in the UI's language; null when it is not such a word. */
  word(value: { word?: CoreWord | undefined }): string | null;
  /** A kind's descriptor with the texts a person reads (form labels, hints, notes) in the UI's language. */
  kind(kind: BackendKind): KindDescriptor;
}

function isCoreWordKey(key: string): key is CoreWordKey {
  return Object.hasOwn(CORE_WORDS, key);
}

/** The core's labels through `t` of the `coreLabels` namespace. */
export function coreLabels(t: TFunction<'coreLabels'>): CoreLabels {
  // Each kind's descriptor is written once per language (audit rows and form options ask for it on every
  // render); the whole object is rebuilt when the language changes (useCoreLabels).
  const kinds = new Map<BackendKind, KindDescriptor>();
  return {
    metaField: (field) => (isMetaFieldKey(field.key) ? t(`metaField.${field.key}`) : field.label),
    memberMetric: (metric) =>
      isMemberMetricKey(metric.key) ? t(`memberMetric.${metric.key}`) : metric.label,
    ownerFact: (fact) => (isOwnerFactKey(fact.key) ? t(`ownerFact.${fact.key}`) : fact.label),
    tableTitle: (table) =>
      isDiagnosticTableKind(table.kind)
        ? t(`diagnosticTable.${table.kind}.title`, { subject: table.subject ?? '' })
        : table.title,
    column: (table, column) => {
      if (!isDiagnosticTableKind(table.kind)) return column.label;
      const columns: Record<string, string> = DIAGNOSTIC_TABLE_LABELS[table.kind].columns;
      if (!Object.hasOwn(columns, column.key)) return column.label;
      return t(`diagnosticTable.${table.kind}.columns.${column.key}` as ColumnKey);
    },
    word: ({ word }) =>
      word !== undefined && isCoreWordKey(word.key) ? t(`word.${word.key}`, word.params) : null,
    kind: (kind) => {
      let written = kinds.get(kind);
      if (!written) {
        // A field the kind leaves null has no text (and no key) in the catalogue: it stays null.
        const texts: Partial<Record<KindTextField, string>> = {};
        for (const [field, english] of Object.entries(kindTexts(kind)) as [KindTextField, string][]) {
          texts[field] = t(`kind.${kind}.${field}` as KindTextKey, english);
        }
        written = { ...KIND_DESCRIPTORS[kind], ...texts };
        kinds.set(kind, written);
      }
      return written;
    },
  };
}
