/** Users' own components, read from core/v1 component manifests (and inline components of a stream). */
import { isObject, objectAt, stringAt } from "../graph/util";
import type { ManifestStream } from "../manifest/types";
import type { ColumnsSpec, ComponentSpec, ParamSpec, PortSpec } from "./types";

const PARAM_TYPES = new Set(["String", "Int", "Double", "Bool", "Map", "Array", "List"]);

function portOf(entry: unknown): PortSpec | undefined {
  const name = stringAt(entry, "name");
  if (name === undefined) return undefined;
  const types = objectAt(objectAt(entry, "metadata"), "type");
  const [type, spec] = Object.entries(types ?? {})[0] ?? ["Any", undefined];
  const port: PortSpec = { name, type: type as PortSpec["type"] };
  const location = stringAt(spec, "locationType");
  if (location !== undefined) port.locationType = location;
  if (isObject(entry) && typeof entry.required === "boolean") port.required = entry.required;
  if (isObject(entry) && entry.repeated === true) port.repeated = true;
  const desc = stringAt(entry, "desc");
  if (desc !== undefined) port.desc = desc;
  return port;
}

function paramOf(entry: unknown): ParamSpec | undefined {
  const name = stringAt(entry, "name");
  if (name === undefined || !isObject(entry)) return undefined;
  const type = stringAt(entry, "type");
  const param: ParamSpec = {
    name,
    type: (type !== undefined && PARAM_TYPES.has(type) ? type : "String") as ParamSpec["type"],
    description: stringAt(entry, "desc") ?? "",
  };
  const value = entry.value;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    param.default = value;
  if (entry.required === true) param.required = true;
  const feasible = objectAt(entry, "feasible");
  const range = stringAt(feasible, "range");
  if (range !== undefined) param.range = range;
  const allowed = feasible?.allowed ?? feasible?.enum;
  if (Array.isArray(allowed)) param.allowed = allowed.map(String);
  const columns = columnsOf(objectAt(entry, "columns"));
  if (columns) param.columns = columns;
  return param;
}

/**
 * A parameter that names columns says so with `columns:` beside its `name` (our extension of
 * core/v1, ignored by PAIFlow): `{ multiple: true, input: inputTable, numeric: true }`, every key
 * optional.
 */
function columnsOf(entry: Record<string, unknown> | undefined): ColumnsSpec | undefined {
  if (!entry) return undefined;
  const spec: ColumnsSpec = {};
  if (entry.multiple === true) spec.multiple = true;
  if (entry.numeric === true) spec.numeric = true;
  const input = stringAt(entry, "input");
  if (input !== undefined) spec.input = input;
  return spec;
}

function listOf<T>(io: unknown, key: string, read: (e: unknown) => T | undefined): T[] {
  const list = isObject(io) ? io[key] : undefined;
  if (!Array.isArray(list)) return [];
  return list.map(read).filter((x): x is T => x !== undefined);
}

/**
 * A component spec for every document of a stream: a component manifest (file or inline
 * document) declares its ports and parameters in `spec.inputs`/`spec.outputs`.
 */
export function componentsFromManifest(stream: ManifestStream): ComponentSpec[] {
  const out: ComponentSpec[] = [];
  for (const doc of stream.documents) {
    const meta = doc.metadata;
    const guid = stringAt(meta, "guid");
    const identifier = stringAt(meta, "identifier") ?? stringAt(meta, "name") ?? guid;
    if (identifier === undefined) continue;
    const label = stringAt(meta, "displayName") ?? identifier;
    const inputs = objectAt(doc.spec, "inputs");
    const outputs = objectAt(doc.spec, "outputs");
    const spec: ComponentSpec = {
      provider: stringAt(meta, "provider") ?? "",
      identifier,
      version: stringAt(meta, "version") ?? "",
      displayName: { en: label, zh: label },
      category: "Custom",
      description: stringAt(objectAt(meta, "annotations"), "description") ?? "",
      inputs: listOf(inputs, "artifacts", portOf),
      outputs: listOf(outputs, "artifacts", portOf),
      parameters: listOf(inputs, "parameters", paramOf),
      maxCompute: false,
    };
    const outputParameters = listOf(outputs, "parameters", (e) => stringAt(e, "name"));
    if (outputParameters.length > 0) spec.outputParameters = outputParameters;
    if (guid !== undefined) spec.guid = guid;
    out.push(spec);
  }
  return out;
}
