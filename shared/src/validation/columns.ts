/**
 * Schema-aware checks of column parameters (`unknown-column`, `column-type`), from the
 * design-time schemas of `POST /api/schemas`. Errors when the schema is known exactly (the local
 * engine derived it), warnings when it is incomplete; nothing at all where it is unknown, so a
 * pipeline whose data cannot be known is never refused for it.
 */
import type { Column, SchemasResponse } from "../api/schemas";
import { type ColumnParam, columnParam, isNumericType, isTextType, splitColumns } from "../catalog/columns";
import type { ComponentSpec } from "../catalog/types";
import type { GraphStep } from "../graph/types";
import { error, type Problem, warning } from "./problem";

/** What is known of the columns a column parameter may name. */
export type ReachingColumns =
  | { known: true; columns: Column[]; exact: boolean }
  | { known: false; reason: string | undefined };

/** The schema comes from a source that knows every column and type (the local engine). */
function schemaIsExact(schemas: Pick<SchemasResponse, "source">): boolean {
  return schemas.source === "engine";
}

/** The columns reaching `step`'s input that `param` names columns of. */
export function columnsReaching(
  schemas: SchemasResponse | undefined,
  step: string,
  param: ColumnParam,
): ReachingColumns {
  if (!schemas) return { known: false, reason: undefined };
  const stepSchema = schemas.steps[step];
  const port = stepSchema?.inputs[param.input];
  if (port?.kind === "table") return { known: true, columns: port.columns, exact: schemaIsExact(schemas) };
  const reason =
    port?.kind === "unknown" ? port.reason : port ? undefined : (stepSchema?.reason ?? schemas.reason);
  return { known: false, reason };
}

const describe = (c: Column) => `${c.name} (${c.type})`;

/** Problems of the column parameters of `steps` against `schemas`. */
export function checkColumns(
  steps: readonly GraphStep[],
  specOf: (step: GraphStep) => ComponentSpec | undefined,
  schemas: SchemasResponse,
): Problem[] {
  const problems: Problem[] = [];
  for (const step of steps) {
    const component = specOf(step);
    if (!component) continue;
    for (const arg of step.parameters) {
      if (arg.binding.kind !== "value" || typeof arg.binding.value !== "string") continue;
      const spec = component.parameters.find((p) => p.name === arg.name);
      const param = spec && columnParam(component, spec);
      if (!param) continue;
      const reaching = columnsReaching(schemas, step.name, param);
      if (!reaching.known) continue;
      const named = param.multiple ? splitColumns(arg.binding.value) : [arg.binding.value.trim()];
      const make = reaching.exact ? error : warning;
      const where = { step: step.name, field: `arguments.parameters.${arg.name}` };
      const byName = new Map(reaching.columns.map((c) => [c.name, c]));
      const found: Column[] = [];
      for (const name of named.filter(Boolean)) {
        const column = byName.get(name);
        if (column) {
          found.push(column);
          continue;
        }
        const available = reaching.columns.map((c) => c.name).join(", ") || "none";
        problems.push(
          make(
            "unknown-column",
            `step ${step.name}: column ${name} of ${arg.name} does not reach this step (${param.input} has ${available})`,
            where,
            { step: step.name, param: arg.name, column: name, input: param.input, available },
          ),
        );
      }
      const wrong = param.numeric ? found.filter((c) => !isNumericType(c.type)) : [];
      if (wrong.length > 0) {
        const text = wrong.every((c) => isTextType(c.type));
        const columns = wrong.map(describe).join(", ");
        problems.push(
          make(
            "column-type",
            `step ${step.name}: ${arg.name} takes numeric columns; ${columns} ${wrong.length > 1 ? "are" : "is"} not numeric${text ? ": convert with Data Type Conversion first" : ""}`,
            where,
            { step: step.name, param: arg.name, columns, count: wrong.length, text },
          ),
        );
      }
    }
  }
  return problems;
}
