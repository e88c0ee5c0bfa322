/** A journey step as the editor holds it: the API's shape (`type` + snake_case `config`). */
export interface EditorStep {
  /** Identifies the step in the editor, saved or not. */
  key: string;
  /** The API's id; null for a step not saved yet (the API gives it one). */
  id: string | null;
  type: "message" | "question" | "delay" | "wait_for_reply";
  config: Record<string, unknown>;
}

export interface FlowEdge {
  /** Index of the step it leads to, or null when the session completes there. */
  to: number | null;
  label: string;
  /** True when the edge names a step that does not exist (the API refuses it too). */
  broken: boolean;
}

export interface FlowNode {
  index: number;
  title: string;
  edges: FlowEdge[];
  /** No edge from the start reaches this step. */
  unreachable: boolean;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim().length > 0 ? value.trim() : null;
}

/** The step a name refers to, as the engine resolves it (names are compared exactly). */
function byName(steps: readonly EditorStep[], name: string): number | null {
  const index = steps.findIndex((s) => text(s.config["name"]) === name);
  return index < 0 ? null : index;
}

function after(steps: readonly EditorStep[], index: number): FlowEdge {
  const next = text(steps[index]?.config["next"]);
  if (next !== null) {
    const to = byName(steps, next);
    return { to, label: `next: ${next}`, broken: to === null };
  }
  return index + 1 < steps.length ? { to: index + 1, label: "then", broken: false } : { to: null, label: "end", broken: false };
}

function describe(step: EditorStep): string {
  const name = text(step.config["name"]);
  const kind = step.type.replace(/_/g, " ");
  return name === null ? kind : `${kind} “${name}”`;
}

/**
 * Where each step goes, with the same rules as the server's JourneyFlow: `next` (by name) else the following step,
 * the last step completes; a wait-for-reply step adds its keyword branches and, when its timeout ends the journey, an
 * end edge. Steps no path from the first reaches are flagged.
 */
export function buildFlow(steps: readonly EditorStep[]): FlowNode[] {
  const nodes: FlowNode[] = steps.map((step, index) => {
    const edges: FlowEdge[] = [];
    if (step.type === "wait_for_reply") {
      const branches = Array.isArray(step.config["branches"]) ? (step.config["branches"] as unknown[]) : [];
      for (const branch of branches) {
        const b = (branch ?? {}) as Record<string, unknown>;
        const target = text(b["step"]) ?? "";
        const to = byName(steps, target);
        edges.push({ to, label: `reply “${text(b["keyword"]) ?? "?"}”`, broken: to === null });
      }
      const base = after(steps, index);
      edges.push({ ...base, label: branches.length > 0 ? "any other reply" : "reply" });
      if (step.config["timeout_action"] === "end") {
        edges.push({ to: null, label: "timeout", broken: false });
      } else {
        edges.push({ ...base, label: "timeout" });
      }
    } else {
      edges.push(after(steps, index));
    }
    return { index, title: describe(step), edges, unreachable: true };
  });

  const stack = nodes.length > 0 ? [0] : [];
  while (stack.length > 0) {
    const node = nodes[stack.pop() ?? 0];
    if (node === undefined || !node.unreachable) {
      continue;
    }
    node.unreachable = false;
    for (const edge of node.edges) {
      if (edge.to !== null) {
        stack.push(edge.to);
      }
    }
  }
  return nodes;
}

/** The step index a server field path (`steps[2].config.text`) is about, and the rest of the path. */
export function stepOfField(field: string): { step: number; field: string } | null {
  const match = /^steps\[(\d+)\](?:\.(.*))?$/i.exec(field);
  if (match === null) {
    return null;
  }
  return { step: Number(match[1]), field: match[2] ?? "" };
}
