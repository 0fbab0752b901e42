import { describe, expect, it } from "vitest";
import { type Migration, migrateRecord, RECORD_VERSION } from "./record";

const v1 = {
  version: 1,
  id: "p1",
  name: "source-transform",
  yaml: 'apiVersion: "core/v1"\n',
  stepCount: 2,
  createdAt: 1,
  savedAt: 2,
};

const v2 = { ...v1, version: 2, dirty: true };

describe("migrateRecord", () => {
  it("accepts a current record unchanged", () => {
    expect(RECORD_VERSION).toBe(2);
    expect(migrateRecord(v2)).toEqual({ ok: true, record: v2 });
  });

  it("migrates v1 (before records kept `dirty`): it opens clean, as it did", () => {
    expect(migrateRecord(v1)).toEqual({ ok: true, record: { ...v1, version: 2, dirty: false } });
  });

  it("refuses values that are not records, lack a version, or come from a newer app", () => {
    expect(migrateRecord(null)).toMatchObject({ ok: false });
    expect(migrateRecord("yaml")).toMatchObject({ ok: false });
    expect(migrateRecord({ ...v2, version: undefined })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("no valid version"),
    });
    expect(migrateRecord({ ...v2, version: 7 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining("newer version"),
    });
  });

  it("refuses a current record missing a field, naming it", () => {
    const { yaml: _drop, ...noYaml } = v2;
    expect(migrateRecord(noYaml)).toEqual({ ok: false, reason: "saved record p1 has no YAML" });
    const { dirty: _flag, ...noDirty } = v2;
    expect(migrateRecord(noDirty)).toEqual({ ok: false, reason: "saved record p1 has no dirty flag" });
  });

  it("applies the chain in order, one version at a time", () => {
    // A format history of three versions: v1 kept `text`, v2 renamed it `yaml`, v3 added `stepCount` (and `dirty`).
    const seen: number[] = [];
    const chain: Migration[] = [
      ({ text, ...r }) => {
        seen.push(r.version as number);
        return { ...r, yaml: text };
      },
      (r) => {
        seen.push(r.version as number);
        return { ...r, stepCount: 0, dirty: false };
      },
    ];
    const old = { version: 1, id: "p1", name: "n", text: "y", createdAt: 1, savedAt: 2 };
    const result = migrateRecord(old, chain, 3);
    expect(seen).toEqual([1, 2]);
    expect(result).toEqual({
      ok: true,
      record: {
        version: 3,
        id: "p1",
        name: "n",
        yaml: "y",
        stepCount: 0,
        dirty: false,
        createdAt: 1,
        savedAt: 2,
      },
    });
  });

  it("reports a gap in the chain instead of guessing", () => {
    expect(migrateRecord({ ...v1 }, [], 2)).toEqual({ ok: false, reason: "no migration from record v1" });
  });
});
