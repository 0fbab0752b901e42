/**
 * Where a step's ports sit, in flow coordinates, and moving between them by keyboard: the
 * nearest port in an arrow's direction, or the nearest one whose step or port name holds what was
 * typed. StepNode draws its handles with the same geometry.
 */
import { NODE_SIZE } from "@pfd/shared";

const PORT_GAP = 20;
const PORT_TOP = 22;

/** The node's height for its port count: ports never crowd each other. */
export function nodeHeight(ports: number): number {
  return Math.max(NODE_SIZE.minHeight, PORT_TOP * 2 + (ports - 1) * PORT_GAP);
}

/** A port's distance from the top of its node, ports centred on the node's height. */
export function portTop(i: number, count: number, height: number): number {
  if (count === 1) return height / 2;
  const span = (count - 1) * PORT_GAP;
  return height / 2 - span / 2 + i * PORT_GAP;
}

export type PortSide = "input" | "output";

export interface PortAt {
  step: string;
  port: string;
  side: PortSide;
  /** Where the handle is, in flow coordinates. */
  x: number;
  y: number;
  /** The step's shown name: typing matches it or the port's name, and announcements name both. */
  stepLabel: string;
}

interface PortedNode {
  id: string;
  position: { x: number; y: number };
  data: {
    step: { displayName?: string; name: string };
    inputs: { name: string }[];
    outputs: { name: string }[];
  };
}

/** Every port of one side, of every node. */
export function portsOf(nodes: readonly PortedNode[], side: PortSide): PortAt[] {
  const out: PortAt[] = [];
  for (const n of nodes) {
    const { step, inputs, outputs } = n.data;
    const height = nodeHeight(Math.max(inputs.length, outputs.length, 1));
    const list = side === "input" ? inputs : outputs;
    const x = n.position.x + (side === "input" ? 0 : NODE_SIZE.width);
    list.forEach((p, i) => {
      out.push({
        step: n.id,
        port: p.name,
        side,
        x,
        y: n.position.y + portTop(i, list.length, height),
        stepLabel: step.displayName ?? step.name,
      });
    });
  }
  return out;
}

export type Direction = "left" | "right" | "up" | "down";

const AXIS: Record<Direction, { dx: number; dy: number }> = {
  left: { dx: -1, dy: 0 },
  right: { dx: 1, dy: 0 },
  up: { dx: 0, dy: -1 },
  down: { dx: 0, dy: 1 },
};

/**
 * The port nearest `from` in `direction`: within 45 degrees of the arrow if any port is, else
 * anywhere ahead of it (sideways distance counting double); nearest of all without a direction.
 * Undefined when there is none.
 */
export function nearestPort(
  ports: readonly PortAt[],
  from: { x: number; y: number },
  direction?: Direction,
  skip?: (p: PortAt) => boolean,
): PortAt | undefined {
  if (!direction)
    return closest(ports, (p) => (skip?.(p) ? undefined : Math.hypot(p.x - from.x, p.y - from.y)));
  const { dx: ax, dy: ay } = AXIS[direction];
  const along = (p: PortAt) => {
    const dx = p.x - from.x;
    const dy = p.y - from.y;
    return { ahead: dx * ax + dy * ay, aside: Math.abs(dx * ay) + Math.abs(dy * ax) };
  };
  const score = (cone: boolean) => (p: PortAt) => {
    if (skip?.(p)) return undefined;
    const { ahead, aside } = along(p);
    if (ahead <= 0.5 || (cone && aside > ahead)) return undefined;
    return ahead + 2 * aside;
  };
  return closest(ports, score(true)) ?? closest(ports, score(false));
}

function closest(ports: readonly PortAt[], score: (p: PortAt) => number | undefined): PortAt | undefined {
  let best: PortAt | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const p of ports) {
    const s = score(p);
    if (s !== undefined && s < bestScore) {
      best = p;
      bestScore = s;
    }
  }
  return best;
}

/** The port nearest `from` whose name or step's name holds `query` (any case); undefined when none does. */
export function findPort(
  ports: readonly PortAt[],
  query: string,
  from: { x: number; y: number },
  skip?: (p: PortAt) => boolean,
): PortAt | undefined {
  const q = query.trim().toLowerCase();
  if (!q) return undefined;
  const matches = (p: PortAt) => p.port.toLowerCase().includes(q) || p.stepLabel.toLowerCase().includes(q);
  return nearestPort(ports, from, undefined, (p) => skip?.(p) === true || !matches(p));
}
