/**
 * Merge Columns (`AppendColumns`): puts the selected columns of two tables side by side, row
 * by row (both must have the same number of rows). leftColumns/rightColumns list
 * `source[:alias[:TYPE]]` entries; empty means every column of that table.
 */
import {
  type Component,
  type Params,
  requireColumns,
  StepError,
  type TableInput,
  tableSchema,
} from "../engine/component";
import { type Column, columnList, countRows, ident } from "../engine/sql";

const TYPES: Record<string, string> = {
  STRING: "VARCHAR",
  DOUBLE: "DOUBLE",
  BIGINT: "BIGINT",
  INT: "INTEGER",
  BOOLEAN: "BOOLEAN",
  DATETIME: "TIMESTAMP",
};

function selection(
  input: TableInput,
  spec: string | undefined,
  param: string,
  prefix: string,
): { expr: string; name: string; type: string }[] {
  const entries = columnList(spec);
  if (entries.length === 0)
    return input.columns.map((c) => ({ expr: `${prefix}.${ident(c.name)}`, name: c.name, type: c.type }));
  return entries.map((entry) => {
    const [source = "", alias, type] = entry.split(":").map((s) => s.trim());
    const [column] = requireColumns(input, [source], param);
    let expr = `${prefix}.${ident(source)}`;
    let sqlType = column?.type ?? "VARCHAR";
    if (type) {
      const cast = TYPES[type.toUpperCase()];
      if (!cast)
        throw new StepError(
          `${param}: type ${type} of ${source} is not one of ${Object.keys(TYPES).join(", ")}`,
        );
      expr = `CAST(${expr} AS ${cast})`;
      sqlType = cast;
    }
    return { expr, name: alias || source, type: sqlType };
  });
}

/** Both tables' selected columns, checked for clashing names. */
function merged(ctx: Params, left: TableInput, right: TableInput) {
  const columns = [
    ...selection(left, ctx.param("leftColumns"), "leftColumns", "l"),
    ...selection(right, ctx.param("rightColumns"), "rightColumns", "r"),
  ];
  const seen = new Set<string>();
  for (const c of columns) {
    if (seen.has(c.name))
      throw new StepError(`output column ${c.name} appears twice; give one an alias (source:alias)`);
    seen.add(c.name);
  }
  return columns;
}

export const appendColumns: Component = {
  identifier: "AppendColumns",
  description: "Merge Columns: joins two tables row by row",
  outputs: [{ name: "outputTable", type: "DataSet" }],
  async run(ctx) {
    const left = await ctx.requireInput("leftTable");
    const right = await ctx.requireInput("rightTable");
    const leftRows = await countRows(ctx.conn, left.relation);
    const rightRows = await countRows(ctx.conn, right.relation);
    if (leftRows !== rightRows)
      throw new StepError(`leftTable has ${leftRows} rows and rightTable ${rightRows}; they must match`);
    const columns = merged(ctx, left, right);
    const out = ctx.tableOutput("outputTable");
    await ctx.conn.run(
      `CREATE TABLE ${out} AS SELECT ${columns.map((c) => `${c.expr} AS ${ident(c.name)}`).join(", ")} FROM ${left.relation} AS l POSITIONAL JOIN ${right.relation} AS r`,
    );
    ctx.log(`merged ${columns.length} columns over ${leftRows} rows`);
  },
  schema(ctx) {
    const columns: Column[] = merged(ctx, ctx.requireInput("leftTable"), ctx.requireInput("rightTable")).map(
      ({ name, type }) => ({ name, type }),
    );
    return { outputTable: tableSchema(columns) };
  },
};
