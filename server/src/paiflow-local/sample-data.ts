/**
 * Sample tables installed on first start, generated deterministically (same seed, same rows):
 * - `pai_online_project.wumai_data`: hourly air-quality records for 2016-2017 (17,544 rows) in
 *   the shape of PAI's smog dataset. Every column is a string, as in the source table, so that
 *   Data Type Conversion matters. Pollution follows weather-like episodes (an AR(1) process in
 *   log space) with a winter heating season and a daily cycle; PM10, SO2, CO and NO2 move with
 *   PM2.5, so they predict smog (`pm2 > 200`) well but not perfectly.
 * - `pai_inner_project.wumai_data`: a view of the same rows, the name PAI's smog template reads.
 * - `pai_online_project.user_info`: 2,000 users (uid, gender, age_range, city, vip_level,
 *   register_date) for joins and Merge Columns.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { type TableName, tableExists, tableSql } from "./catalog";
import { ident } from "./engine/sql";
import { adoptUnrecorded, ensureRegistry, recordWrite } from "./registry";

/** mulberry32: a small, fast, well-distributed 32-bit PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussian(rand: () => number): () => number {
  return () => {
    const u = 1 - rand();
    const v = rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Rows of the smog table: [time (yyyymmdd), hour, pm2, pm10, so2, co, no2], all strings. */
export function* wumaiRows(seed = 20160101): Generator<string[]> {
  const rand = prng(seed);
  const normal = gaussian(rand);
  const start = Date.UTC(2016, 0, 1);
  const hours = 2 * 366 * 24 - 24; // 2016 (leap) and 2017
  let episode = 0;
  for (let i = 0; i < hours; i++) {
    const at = new Date(start + i * 3_600_000);
    const month = at.getUTCMonth();
    const hour = at.getUTCHours();
    // Weather: pollution builds up over days and is swept away by fronts.
    episode = 0.97 * episode + 0.12 * normal();
    const heating = month <= 1 || month >= 10 ? 0.55 : month === 2 || month === 9 ? 0.2 : -0.15;
    const night = 0.18 * Math.cos((2 * Math.PI * (hour - 23)) / 24);
    const logPm2 = 4.3 + heating + night + episode + 0.3 * normal();
    const pm2 = Math.max(3, Math.exp(logPm2));
    const rush = Math.exp(-((hour - 8) ** 2) / 4) + Math.exp(-((hour - 19) ** 2) / 5);
    const pm10 = Math.max(5, pm2 * (1.05 + 0.5 * rand()) + 30 * Math.exp(0.8 * normal()));
    const so2 = Math.max(
      2,
      4 + 22 * Math.max(heating, 0) + 0.05 * pm2 * Math.exp(0.4 * normal()) + 6 * Math.abs(normal()),
    );
    const co = Math.max(
      0.1,
      0.3 + 0.009 * pm2 * Math.exp(0.35 * normal()) + 0.4 * rush + 0.3 * Math.abs(normal()),
    );
    const no2 = Math.max(4, 16 + 0.16 * pm2 * Math.exp(0.3 * normal()) + 20 * rush + 14 * normal());
    yield [
      `${at.getUTCFullYear()}${pad2(month + 1)}${pad2(at.getUTCDate())}`,
      String(hour),
      String(Math.round(pm2)),
      String(Math.round(pm10)),
      String(Math.round(so2)),
      co.toFixed(1),
      String(Math.round(no2)),
    ];
  }
}

const CITIES = ["Beijing", "Shanghai", "Hangzhou", "Shenzhen", "Chengdu", "Wuhan", "Xi'an", "Nanjing"];
const AGE_RANGES = ["18-24", "25-34", "35-44", "45-54", "55+"];

/** Rows of the users table: [uid, gender, age_range, city, vip_level, register_date]. */
export function* userRows(count = 2000, seed = 7): Generator<string[]> {
  const rand = prng(seed);
  for (let i = 1; i <= count; i++) {
    const day = new Date(Date.UTC(2019, 0, 1) + Math.floor(rand() * 1400) * 86_400_000);
    yield [
      `u${String(i).padStart(5, "0")}`,
      rand() < 0.52 ? "female" : "male",
      AGE_RANGES[Math.min(4, Math.floor(Math.abs(rand() + rand() - 0.6) * 3.2))] ?? "25-34",
      CITIES[Math.floor(rand() * rand() * CITIES.length)] ?? "Beijing",
      String(Math.floor(rand() ** 3 * 6)),
      day.toISOString().slice(0, 10),
    ];
  }
}

async function load(
  conn: DuckDBConnection,
  t: TableName,
  columns: string[],
  rows: Iterable<string[]>,
): Promise<void> {
  await conn.run(`CREATE SCHEMA IF NOT EXISTS ${ident(t.project)}`);
  await conn.run(`CREATE TABLE ${tableSql(t)} (${columns.map((c) => `${ident(c)} VARCHAR`).join(", ")})`);
  const appender = await conn.createAppender(t.table, t.project);
  for (const row of rows) {
    for (const value of row) appender.appendVarchar(value);
    appender.endRow();
  }
  appender.closeSync();
}

const SAMPLE_TABLES = [
  "pai_online_project.wumai_data",
  "pai_inner_project.wumai_data",
  "pai_online_project.user_info",
];

/**
 * Makes the data directory's catalog ready: the records' table, the sample tables (those
 * missing), and a record for every table found without one. Returns the tables created.
 */
export async function prepareCatalog(conn: DuckDBConnection): Promise<string[]> {
  await ensureRegistry(conn);
  const created = await installSampleTables(conn);
  for (const name of created) await recordWrite(conn, { name, origin: "sample", partitionColumns: [] });
  await adoptUnrecorded(conn, new Set(SAMPLE_TABLES));
  return created;
}

/** Creates the sample tables that do not exist yet; returns the names it created. */
async function installSampleTables(conn: DuckDBConnection): Promise<string[]> {
  const created: string[] = [];
  const wumai = { project: "pai_online_project", table: "wumai_data" };
  if (!(await tableExists(conn, wumai))) {
    await load(conn, wumai, ["time", "hour", "pm2", "pm10", "so2", "co", "no2"], wumaiRows());
    created.push("pai_online_project.wumai_data");
  }
  const inner = { project: "pai_inner_project", table: "wumai_data" };
  if (!(await tableExists(conn, inner))) {
    await conn.run(`CREATE SCHEMA IF NOT EXISTS ${ident(inner.project)}`);
    await conn.run(`CREATE VIEW ${tableSql(inner)} AS SELECT * FROM ${tableSql(wumai)}`);
    created.push("pai_inner_project.wumai_data");
  }
  const users = { project: "pai_online_project", table: "user_info" };
  if (!(await tableExists(conn, users))) {
    await load(conn, users, ["uid", "gender", "age_range", "city", "vip_level", "register_date"], userRows());
    created.push("pai_online_project.user_info");
  }
  return created;
}
