/** Generated manifests for tests that need size: a Read Table followed by a chain of conversions. */

export function chainManifest(steps: number, name = "generated-chain"): string {
  const lines = [
    'apiVersion: "core/v1"',
    "metadata:",
    '  provider: "1234567890"',
    '  version: "v1"',
    `  identifier: "${name.replace(/-/g, "_")}"`,
    `  name: "${name}"`,
    "spec:",
    "  inputs:",
    "    parameters:",
    '    - name: "execution_maxcompute"',
    '      type: "Map"',
    "  pipelines:",
  ];
  for (let i = 0; i < steps; i++) {
    const first = i === 0;
    lines.push(
      '  - apiVersion: "core/v1"',
      "    metadata:",
      '      provider: "pai"',
      '      version: "v1"',
      `      identifier: "${first ? "data_source" : "type_transform"}"`,
      `      name: "s${i}"`,
      `      displayName: "Step ${i}"`,
      "    spec:",
      "      arguments:",
    );
    if (!first) {
      lines.push(
        "        artifacts:",
        '        - name: "inputTable"',
        `          from: "{{pipelines.s${i - 1}.outputs.artifacts.outputTable}}"`,
      );
    }
    lines.push(
      "        parameters:",
      `        - name: "${first ? "inputTableName" : "cols_to_double"}"`,
      `          value: "${first ? "pai_online_project.wumai_data" : "pm2,pm10"}"`,
      '        - name: "execution"',
      '          from: "{{inputs.parameters.execution_maxcompute}}"',
    );
    if (!first) lines.push("      dependencies:", `      - "s${i - 1}"`);
  }
  return `${lines.join("\n")}\n`;
}
