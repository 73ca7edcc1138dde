/**
 * Finding the YAML node a policy path points at, so every issue carries a line and a column.
 */
import { type Document, isAlias, isMap, isNode, isScalar, isSeq, type Node } from 'yaml';
import type { PathSegment } from './issue-path.ts';

/** Which part of a mapping entry to point at: its key (unknown key, invalid record key) or its value. */
export type LocateTarget = 'key' | 'value';

interface Entry {
  readonly key?: Node;
  readonly value?: Node;
}

function resolve(doc: Document, node: Node): Node {
  if (!isAlias(node)) return node;
  const target = node.resolve(doc);
  return isNode(target) ? target : node;
}

/** A value left blank (`key:`): the parser gives it a zero-length null scalar. */
function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && node.range != null && node.range[0] === node.range[1];
}

function step(doc: Document, node: Node, segment: PathSegment): Entry | undefined {
  const current = resolve(doc, node);
  if (isMap(current)) {
    for (const pair of current.items) {
      if (isScalar(pair.key) && String(pair.key.value) === String(segment)) {
        return isNode(pair.value) && !isEmptyScalar(pair.value)
          ? { key: pair.key, value: pair.value }
          : { key: pair.key };
      }
    }
    return undefined;
  }
  if (isSeq(current) && typeof segment === 'number') {
    const item = current.items[segment];
    return isNode(item) ? { value: item } : undefined;
  }
  return undefined;
}

function startOf(node: Node | undefined): number | undefined {
  return node?.range?.[0];
}

/**
 * Source offset of the node at `path`. When the path goes further than the document (a field filled
 * by a default, a missing key), the nearest existing ancestor is given instead. An entry written
 * with an empty value (`key:`) is pointed at by its key.
 */
export function findOffset(doc: Document, path: readonly PathSegment[], target: LocateTarget): number {
  const root = isNode(doc.contents) ? doc.contents : undefined;
  if (root === undefined) return 0;
  let best = startOf(root) ?? 0;
  let node: Node = root;
  for (const [index, segment] of path.entries()) {
    const entry = step(doc, node, segment);
    if (entry === undefined) return best;
    const isLast = index === path.length - 1;
    if (isLast && target === 'key' && entry.key !== undefined) return startOf(entry.key) ?? best;
    if (entry.value === undefined) return startOf(entry.key) ?? best;
    best = startOf(entry.value) ?? best;
    node = entry.value;
  }
  return best;
}

/** Path of the mapping key that starts at `offset` (used to name the key of a duplicate-key error). */
export function findKeyPathAt(doc: Document, offset: number): PathSegment[] | undefined {
  const search = (node: unknown, path: PathSegment[]): PathSegment[] | undefined => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const keyPath = [...path, String(pair.key.value)];
        if (pair.key.range?.[0] === offset) return keyPath;
        const found = search(pair.value, keyPath);
        if (found !== undefined) return found;
      }
    } else if (isSeq(node)) {
      for (const [index, item] of node.items.entries()) {
        const found = search(item, [...path, index]);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return search(doc.contents, []);
}

/** The text a scalar was written as (`1.0`, where the parsed value is the number 1), if the path leads to one. */
export function findScalarSource(doc: Document, path: readonly PathSegment[]): string | undefined {
  let node: Node | undefined = isNode(doc.contents) ? doc.contents : undefined;
  for (const segment of path) {
    if (node === undefined) return undefined;
    node = step(doc, node, segment)?.value;
  }
  return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
}
