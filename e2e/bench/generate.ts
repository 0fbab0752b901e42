/**
 * A generated pipeline for the canvas benchmark: rows of Read Table -> 3 x Data Type Conversion,
 * laid out on a grid, as a manifest (for the app) and as plain React Flow nodes/edges at the same
 * positions (for the bare page).
 */
const CHAIN = 4;
const COLUMNS = 40;

export interface GeneratedGraph {
  yaml: string;
  nodes: { id: string; position: { x: number; y: number }; data: { label: string } }[];
  edges: { id: string; source: string; target: string }[];
}

export function generatePipeline(steps: number): GeneratedGraph {
  const lines = [
    'apiVersion: "core/v1"',
    "metadata:",
    '  version: "v1"',
    '  identifier: "bench_pipeline"',
    `  name: "bench-${steps}"`,
    "spec:",
    "  inputs:",
    "    parameters:",
    '      - name: "execution_maxcompute"',
    '        type: "Map"',
    "  pipelines:",
  ];
  const nodes: GeneratedGraph["nodes"] = [];
  const edges: GeneratedGraph["edges"] = [];
  for (let i = 0; i < steps; i++) {
    const col = i % COLUMNS;
    const row = Math.floor(i / COLUMNS);
    const position = { x: col * 280, y: row * 110 };
    const name = `s${i}`;
    const first = col % CHAIN === 0;
    const display = first ? `Read Table-${i + 1}` : `Data Type Conversion-${i + 1}`;
    nodes.push({ id: name, position, data: { label: display } });
    lines.push(
      '    - apiVersion: "core/v1"',
      "      metadata:",
      '        provider: "pai"',
      '        version: "v1"',
      `        identifier: "${first ? "data_source" : "type_transform"}"`,
      `        name: "${name}"`,
      `        displayName: "${display}"`,
      "        annotations:",
      `          designer.paiflow/position: "${position.x},${position.y}"`,
      "      spec:",
      "        arguments:",
    );
    if (!first) {
      const source = `s${i - 1}`;
      edges.push({ id: `${source}-${name}`, source, target: name });
      lines.push(
        "          artifacts:",
        '            - name: "inputTable"',
        `              from: "{{pipelines.${source}.outputs.artifacts.outputTable}}"`,
      );
    }
    lines.push(
      "          parameters:",
      ...(first ? ['            - name: "inputTableName"', `              value: "bench.table_${i}"`] : []),
      '            - name: "execution"',
      '              from: "{{inputs.parameters.execution_maxcompute}}"',
    );
    if (!first) lines.push("        dependencies:", `          - "s${i - 1}"`);
  }
  return { yaml: `${lines.join("\n")}\n`, nodes, edges };
}
