/** Cycles across data edges, dependencies and references, as strongly connected components (Tarjan). */

/**
 * Each cycle as its steps, in the order given by `order` (manifest order); `upstream(n)` lists the
 * steps `n` waits for. Iterative, so a 5,000-step chain cannot overflow the stack.
 */
export function findCycles(
  order: readonly string[],
  upstream: (name: string) => readonly string[],
): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  let counter = 0;
  for (const root of order) {
    if (index.has(root)) continue;
    const work: { node: string; next: number; ups: readonly string[] }[] = [];
    const enter = (node: string) => {
      index.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: 0, ups: upstream(node) });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as (typeof work)[number];
      if (frame.next < frame.ups.length) {
        const up = frame.ups[frame.next++] as string;
        if (!index.has(up)) enter(up);
        else if (onStack.has(up))
          low.set(frame.node, Math.min(low.get(frame.node) as number, index.get(up) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent)
        low.set(parent.node, Math.min(low.get(parent.node) as number, low.get(frame.node) as number));
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let n: string;
        do {
          n = stack.pop() as string;
          onStack.delete(n);
          component.push(n);
        } while (n !== frame.node);
        if (component.length > 1 || frame.ups.includes(frame.node)) found.push(component);
      }
    }
  }
  const position = new Map(order.map((n, i) => [n, i]));
  for (const c of found) c.sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
  return found.sort((a, b) => (position.get(a[0] as string) ?? 0) - (position.get(b[0] as string) ?? 0));
}
