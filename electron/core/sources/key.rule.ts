/**
 * What counts as a key when two trees are compared, on every backend alike: a node that has a non-empty
 * value, or has a value slot and no children. A node whose only content is its children (a ZooKeeper
 * znode with empty data and children, an etcd or Consul prefix, a Consul `dir/` marker, an empty etcd
 * key with keys below it) is a folder. So the same configuration laid out in different stores compares
 * equal; the price is that an empty value on a node with children is not carried across.
 * `childCount` null means unknown: such a node is a key unless its value is empty.
 */
export function isKeyNode(hasValue: boolean, valueSize: number, childCount: number | null): boolean {
  if (!hasValue) return false;
  return valueSize > 0 || childCount === 0 || childCount === null;
}
