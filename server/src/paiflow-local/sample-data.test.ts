import { describe, expect, it } from "vitest";
import { userRows, wumaiRows } from "./sample-data";

describe("sample tables", () => {
  it("the smog table is deterministic, hourly over two years, all strings, with realistic smog", () => {
    const rows = [...wumaiRows()];
    expect(rows.length).toBe(17_544);
    expect([...wumaiRows()].slice(0, 50)).toEqual(rows.slice(0, 50));
    expect(rows[0]?.slice(0, 2)).toEqual(["20160101", "0"]);
    expect(rows.at(-1)?.slice(0, 2)).toEqual(["20171231", "23"]);
    for (const row of rows.slice(0, 500)) for (const v of row) expect(v).toMatch(/^\d+(\.\d)?$/);
    const pm2 = rows.map((r) => Number(r[2]));
    const smoggy = pm2.filter((v) => v > 200).length / pm2.length;
    expect(smoggy).toBeGreaterThan(0.05);
    expect(smoggy).toBeLessThan(0.2);
    // Smog is a winter thing: January is far smoggier than July.
    const share = (month: string) => {
      const sel = rows.filter((r) => r[0]?.slice(4, 6) === month);
      return sel.filter((r) => Number(r[2]) > 200).length / sel.length;
    };
    expect(share("01")).toBeGreaterThan(3 * share("07"));
  });

  it("the users table has unique ids and the listed categories", () => {
    const rows = [...userRows()];
    expect(new Set(rows.map((r) => r[0])).size).toBe(2000);
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(["female", "male"]));
  });
});
