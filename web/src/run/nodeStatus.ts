import { type RefObject, useLayoutEffect, useRef } from "react";

/**
 * Mirrors a step's run status, as `data-status`, onto the React Flow node element around the
 * element holding the returned ref: the wrapper carries the node's accessible name, so tests and
 * styles find the status on the node element itself, whichever element they hold.
 */
export function useNodeStatusAttribute<T extends HTMLElement>(
  status: string | undefined,
): RefObject<T | null> {
  const ref = useRef<T>(null);
  const mirrored = useRef(false);
  useLayoutEffect(() => {
    // Nothing to take off a node that never had a status (every node, when a pipeline opens).
    if (status === undefined && !mirrored.current) return;
    const wrapper = ref.current?.closest(".react-flow__node");
    if (!wrapper) return;
    if (status === undefined) wrapper.removeAttribute("data-status");
    else wrapper.setAttribute("data-status", status);
    mirrored.current = status !== undefined;
  }, [status]);
  return ref;
}
