/** Document-level checks: apiVersion, metadata, spec, and the pipeline's own inputs and outputs. */
import { isObject, stringAt } from "../graph/util";
import { API_VERSION } from "../manifest/types";
import { error, type Problem } from "./problem";

/** Checks one document of the stream (`document` is its index; undefined for the entry pipeline). */
export function checkDocument(doc: unknown, document: number | undefined, entry: boolean): Problem[] {
  const at = (field: string) => (document === undefined ? { field } : { field, document });
  const problems: Problem[] = [];
  if (!isObject(doc)) return [error("not-a-manifest", "a manifest document must be a mapping", at(""), {})];
  if (doc.apiVersion === undefined)
    problems.push(
      error("api-version", `apiVersion is missing; expected "${API_VERSION}"`, at("apiVersion"), {
        expected: API_VERSION,
        missing: true,
        onStep: false,
      }),
    );
  else if (doc.apiVersion !== API_VERSION)
    problems.push(
      error(
        "api-version",
        `apiVersion is ${JSON.stringify(doc.apiVersion)}; expected "${API_VERSION}"`,
        at("apiVersion"),
        { value: JSON.stringify(doc.apiVersion), expected: API_VERSION, missing: false, onStep: false },
      ),
    );
  if (!isObject(doc.metadata)) {
    problems.push(
      error("missing-metadata", "metadata is missing or not a mapping", at("metadata"), {
        issue: "missing",
        subject: entry ? "pipeline" : "component",
      }),
    );
  } else if (
    stringAt(doc.metadata, "identifier") === undefined &&
    stringAt(doc.metadata, "guid") === undefined &&
    stringAt(doc.metadata, "name") === undefined
  ) {
    const what = entry ? "the pipeline" : "a component";
    problems.push(
      error(
        "missing-metadata",
        `metadata of ${what} needs an identifier (or a guid or name)`,
        at("metadata"),
        { issue: "unnamed", subject: entry ? "pipeline" : "component" },
      ),
    );
  }
  if (doc.spec !== undefined && !isObject(doc.spec))
    problems.push(error("invalid-spec", "spec must be a mapping", at("spec"), { missing: false }));
  else if (doc.spec === undefined)
    problems.push(error("invalid-spec", "spec is missing", at("spec"), { missing: true }));
  return problems;
}

/** Duplicate or unnamed entries of a pipeline's inputs/outputs lists. */
export function checkIoNames(list: readonly unknown[], field: string): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  list.forEach((entry, i) => {
    const name = stringAt(entry, "name");
    if (name === undefined)
      problems.push(
        error(
          "missing-name",
          `${field} entry ${i + 1} has no name`,
          { field: `${field}.${i}` },
          {
            list: field,
            index: i + 1,
          },
        ),
      );
    else if (seen.has(name))
      problems.push(
        error(
          "duplicate-name",
          `${field} declares ${name} twice`,
          { field: `${field}.${i}` },
          { list: field, name },
        ),
      );
    else seen.add(name);
  });
  return problems;
}
